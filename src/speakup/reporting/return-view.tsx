import { InsetText, Table } from '#src/web/components/content.tsx';
import { formatDate } from '#src/web/today.ts';
import { categoryWording, RETURN_WORDING, type NgoReturn } from './ngo-return.ts';
import { CsvLink, Figure, QuarterForm } from './parts.tsx';
import { quarterEnd, quarterKey, quarterLabel, quarterStart, type Quarter } from './quarters.ts';

export const RETURN_TITLE = 'National Guardian’s Office quarterly return';

export function ReturnPage({ result, choices }: { result: NgoReturn; choices: Quarter[] }) {
  const label = quarterLabel(result.quarter);
  const span = `${formatDate(quarterStart(result.quarter))} to ${formatDate(quarterEnd(result.quarter))}`;
  const key = quarterKey(result.quarter);
  return (
    <>
      <h1>
        {RETURN_TITLE}
        <span class="nhsuk-caption-l">{label}</span>
      </h1>
      <p>
        The figures the Freedom to Speak Up Guardian sends to the National Guardian’s Office for a quarter, in its categories. Quarters are
        financial-year quarters: Q1 is April to June, Q4 January to March.
      </p>
      <QuarterForm action="/speak-up/reports/return" label="Quarter" hint="Only quarters that have ended can be returned." quarters={choices} selected={result.quarter} />

      <h2>Cases received</h2>
      <p>Cases received from {span}. A case with several categories counts once in each.</p>
      <Table
        caption={`Cases received in ${label}`}
        captionSize="s"
        head={[{ text: 'Measure' }, { text: 'Number of cases' }]}
        numericColumns={[1]}
        rows={[
          [RETURN_WORDING.received, <Figure value={result.received} />],
          [RETURN_WORDING.anonymous, <Figure value={result.anonymous} />],
          ...result.national.map((cell) => [categoryWording(cell.category), <Figure value={cell.count} />]),
          [RETURN_WORDING.detriment, <Figure value={result.detriment} />],
        ]}
      />
      <Table
        caption={`Cases received in ${label} by the professional or worker group of the person speaking up`}
        captionSize="s"
        head={[{ text: 'Worker group' }, { text: 'Number of cases' }]}
        numericColumns={[1]}
        rows={result.workerGroups.map((cell) => [cell.group, <Figure value={cell.count} />])}
      />
      <p>These are the trust’s own worker groups: match them to the groups the national return asks for when you enter the figures.</p>

      <h2>Feedback from people who spoke up</h2>
      <p>
        “{RETURN_WORDING.feedback}” is asked when a case closes, so these answers are for the {result.closed} {result.closed === 1 ? 'case' : 'cases'}{' '}
        closed from {span}, whenever they were received.
      </p>
      <Table
        caption={`Answers from cases closed in ${label}`}
        captionSize="s"
        head={[{ text: 'Answer' }, { text: 'Number of cases' }]}
        numericColumns={[1]}
        rows={result.feedback.map((cell) => [cell.answer === null ? `${cell.label} (not part of the return)` : cell.label, <Figure value={cell.count} />])}
      />

      {result.local.length > 0 && (
        <>
          <h2>Local categories</h2>
          <InsetText>
            <p>The trust records these categories for itself. They are not part of the national return: do not enter them there.</p>
          </InsetText>
          <Table
            caption={`Cases received in ${label} in local categories`}
            captionSize="s"
            head={[{ text: 'Measure' }, { text: 'Number of cases' }]}
            numericColumns={[1]}
            rows={result.local.map((cell) => [categoryWording(cell.category), <Figure value={cell.count} />])}
          />
        </>
      )}

      <CsvLink href={`/speak-up/reports/return?quarter=${key}&format=csv`} what={`the return for ${label}`} />
      <p>Downloads are recorded in the audit log.</p>
      <p>
        <a href={`/speak-up/reports?quarter=${key}`}>Themes and trends by directorate</a>
      </p>
    </>
  );
}
