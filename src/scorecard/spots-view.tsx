import type { OrgUnitNode } from '#src/org/tree.ts';
import { Breadcrumb } from '#src/web/components/content.tsx';
import { SpotList, type SpotView } from './parts.tsx';

export interface ChanceSignals {
  /** Signals expected by chance alone over the units and metrics tested, when the engine says. */
  expected: number | null;
  units: number;
  metrics: number;
}

export interface SpotsPageProps {
  unit: OrgUnitNode | null;
  breadcrumb: { href: string; text: string }[];
  dark: SpotView[];
  bright: SpotView[];
  chance: ChanceSignals;
}

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export function SpotsPage({ unit, breadcrumb, dark, bright, chance }: SpotsPageProps) {
  const where = unit ? ` in ${unit.name}` : '';
  return (
    <>
      <Breadcrumb items={breadcrumb} />
      <h1>Dark and bright spots{where}</h1>
      <p>
        A unit is a <strong>dark spot</strong> when signals of concern from at least two independent sources (for example sickness absence and speak-up)
        coincide in the last 6 months, and a <strong>bright spot</strong> when signals of improvement do. Operational measures give context but never make
        a dark spot on their own. Spots are ranked by the number of sources, then the strength of the signals, then headcount.
      </p>
      <div class="nhsuk-inset-text">
        <span class="nhsuk-u-visually-hidden">Information: </span>
        <p>
          {chance.expected === null
            ? `${number.format(chance.units)} units and ${number.format(chance.metrics)} measures were tested. With this many tests some single signals arise by chance alone, which is why a spot needs two independent sources.`
            : `${number.format(chance.units)} units and ${number.format(chance.metrics)} measures were tested: about ${number.format(chance.expected)} signals would arise by chance alone, which is why a spot needs two independent sources.`}
        </p>
      </div>
      <h2>Dark spots{where}</h2>
      <SpotList spots={dark} empty={`No dark spots${where}.`} />
      <h2>Bright spots{where}</h2>
      <SpotList spots={bright} empty={`No bright spots${where}.`} />
    </>
  );
}
