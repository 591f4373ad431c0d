import { Select } from '#src/web/components/form.tsx';
import { quarterKey, quarterLabel, type Quarter } from './quarters.ts';

/** A GET form choosing a quarter: works without JavaScript, and the address can be bookmarked. */
export function QuarterForm({ action, label, hint, quarters, selected }: { action: string; label: string; hint: string; quarters: readonly Quarter[]; selected: Quarter }) {
  return (
    <form method="get" action={action}>
      <Select
        name="quarter"
        label={label}
        hint={hint}
        value={quarterKey(selected)}
        options={quarters.map((quarter) => ({ value: quarterKey(quarter), text: quarterLabel(quarter) }))}
      />
      <button class="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
        Show quarter
      </button>
    </form>
  );
}

const NUMBER = new Intl.NumberFormat('en-GB');
const RATE = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A count or rate as a table shows it; "[c]" (read out as "suppressed") when hidden. */
export function Figure({ value, rate = false }: { value: number | null | 'not recorded'; rate?: boolean }) {
  if (value === 'not recorded') return <>not recorded</>;
  if (value === null)
    return (
      <>
        <span aria-hidden="true">[c]</span>
        <span class="nhsuk-u-visually-hidden">suppressed</span>
      </>
    );
  return <>{rate ? RATE.format(value) : NUMBER.format(value)}</>;
}

export function CsvLink({ href, what }: { href: string; what: string }) {
  return (
    <p>
      <a href={href}>
        Download {what} (CSV)<span class="nhsuk-u-visually-hidden"> file</span>
      </a>
    </p>
  );
}
