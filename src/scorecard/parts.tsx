import type { SpotEvidence } from '#src/metrics/schema.ts';
import type { OrgUnitNode } from '#src/org/tree.ts';

/** A spot as pages show it: the unit and the evidence of each signal in words (lists are in rank order). */
export interface SpotView {
  unit: OrgUnitNode;
  kind: 'dark' | 'bright' | 'watch';
  rank: number;
  sources: number;
  headcount: number;
  evidence: SpotEvidence[];
}

export const SPOT_LABELS = { dark: 'Dark spot', bright: 'Bright spot', watch: 'Watch' } as const;

export const SPOT_MEANINGS = {
  dark: 'signals of concern from at least two independent sources',
  bright: 'signals of improvement from at least two independent sources',
  watch: 'signals from one source only',
} as const;

export function DownloadLinks({ href, what }: { href: string; what: string }) {
  const join = href.includes('?') ? '&' : '?';
  return (
    <p class="vitals-downloads">
      Download {what}: <a href={`${href}${join}format=csv`}>CSV<span class="nhsuk-u-visually-hidden"> file of {what}</span></a>
      {' or '}
      <a href={`${href}${join}format=xlsx`}>Excel<span class="nhsuk-u-visually-hidden"> file of {what}</span></a>
    </p>
  );
}

export function SpotList({ spots, empty, headingLevel = 3 }: { spots: SpotView[]; empty: string; headingLevel?: 3 | 4 }) {
  if (spots.length === 0) return <p>{empty}</p>;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <ol class="nhsuk-list vitals-spots">
      {spots.map((spot, index) => (
        <li class="vitals-spots__item">
          <Heading class="nhsuk-heading-s vitals-spots__unit">
            {index + 1}. <a href={`/scorecard/units/${spot.unit.id}`}>{spot.unit.name}</a>
          </Heading>
          <p class="nhsuk-body-s">
            {spot.sources} {spot.sources === 1 ? 'source' : 'independent sources'}
          </p>
          <ul class="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
            {spot.evidence.map((item) => (
              <li>{item.evidence}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

export function breadcrumbFor(path: readonly OrgUnitNode[], link: (unit: OrgUnitNode) => string): { href: string; text: string }[] {
  return [{ href: '/scorecard', text: 'Scorecard' }, ...path.map((unit) => ({ href: link(unit), text: unit.name }))];
}
