import { InsetText, Table } from '#src/web/components/content.tsx';
import { formatDate } from '#src/web/today.ts';
import { CsvLink, Figure, QuarterForm } from './parts.tsx';
import { quarterEnd, quarterKey, quarterLabel, type Quarter } from './quarters.ts';
import { categoriesAcross, categoryCell, suppressedNote, type ThemeQuarter, type ThemeRow } from './themes.ts';

interface ThemesPageProps {
  /** Oldest first; the last is the chosen quarter. */
  quarters: ThemeQuarter[];
  choices: Quarter[];
  minimum: number;
}

export const THEMES_TITLE = 'Speak-up themes and trends';

export function ThemesPage({ quarters, choices, minimum }: ThemesPageProps) {
  const chosen = quarters.at(-1);
  if (!chosen) throw new Error('themes page needs at least one quarter');
  const categories = categoriesAcross(quarters);
  const anySuppressed = chosen.rows.some((row) => row.suppressed !== null) || quarters.some((quarter) => quarter.trust.suppressed !== null);
  const first = quarters[0] ?? chosen;
  const key = quarterKey(chosen.quarter);
  return (
    <>
      <h1>{THEMES_TITLE}</h1>
      <p>
        Concerns raised with the Freedom to Speak Up Guardian, counted by the quarter they were received in (financial-year quarters: Q1 is
        April to June). A concern with several categories counts once in each, so categories add up to more than the cases. Staff in post are
        counted on the last day of each quarter. Nothing anyone wrote is shown here.
      </p>
      <QuarterForm
        action="/speak-up/reports"
        label="Quarter"
        hint="The directorate table shows this quarter; the trends show the 8 quarters up to it."
        quarters={choices}
        selected={chosen.quarter}
      />
      <p>
        <a href={`/speak-up/reports/return?quarter=${key}`}>National Guardian’s Office return for {quarterLabel(chosen.quarter)}</a>
      </p>

      <h2>Trends across the trust</h2>
      <Table
        caption={`Cases received per quarter, ${quarterLabel(first.quarter)} to ${quarterLabel(chosen.quarter)}`}
        captionSize="s"
        head={[{ text: 'Quarter' }, { text: 'Staff in post' }, { text: 'Cases received' }, { text: 'Cases per 100 staff' }, ...categories.map((category) => ({ text: category.label }))]}
        numericColumns={[1, 2, 3, ...categories.map((_, index) => index + 4)]}
        rows={quarters.map((quarter) => [
          quarterLabel(quarter.quarter),
          <Figure value={quarter.trust.headcount} />,
          <Figure value={quarter.trust.cases} />,
          <Figure value={quarter.trust.per100Staff} rate />,
          ...categories.map((category) => <Figure value={categoryCell(quarter, quarter.trust, category)} />),
        ])}
      />

      <h2>By directorate, {quarterLabel(chosen.quarter)}</h2>
      <p>Staff in post on {formatDate(quarterEnd(chosen.quarter))}. Concerns about a team or area count in its directorate.</p>
      <Table
        caption={`Cases received in ${quarterLabel(chosen.quarter)} by directorate`}
        captionSize="s"
        head={[
          { text: 'Directorate' },
          { text: 'Staff in post' },
          { text: 'Cases received' },
          { text: 'Cases per 100 staff' },
          ...chosen.categories.map((category) => ({ text: category.label })),
          { text: 'Note' },
        ]}
        numericColumns={[1, 2, 3, ...chosen.categories.map((_, index) => index + 4)]}
        rows={[...chosen.rows, chosen.trust].map((row) => directorateRow(row, chosen, minimum))}
      />
      {anySuppressed && (
        <InsetText>
          <p>
            [c] means suppressed: the number is not shown. A directorate with fewer than {minimum} staff shows no numbers, because a concern in a
            small group can point at the person who raised it. Another row is then hidden too, so the hidden numbers cannot be worked out by
            taking the rows shown away from the trust total.
          </p>
        </InsetText>
      )}
      <CsvLink href={`/speak-up/reports?quarter=${key}&format=csv`} what={`themes for ${quarterLabel(first.quarter)} to ${quarterLabel(chosen.quarter)}`} />
    </>
  );
}

function directorateRow(row: ThemeRow, quarter: ThemeQuarter, minimum: number) {
  const notApplicable = row.kind === 'not-given';
  return [
    row.kind === 'trust' ? <strong>{row.name}</strong> : row.name,
    notApplicable ? 'not applicable' : <Figure value={row.headcount} />,
    <Figure value={row.cases} />,
    notApplicable ? 'not applicable' : <Figure value={row.per100Staff} rate />,
    ...quarter.categories.map((category) => <Figure value={categoryCell(quarter, row, category)} />),
    row.suppressed ? suppressedNote(row.suppressed, minimum) : '',
  ];
}
