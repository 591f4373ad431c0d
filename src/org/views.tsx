import { Breadcrumb, InsetText, SummaryList, Table } from '#src/web/components/content.tsx';
import { formatDate } from '#src/web/today.ts';
import type { BreakdownCell } from './characteristics.ts';
import { EDI_MIN_CELL } from './characteristics.ts';
import { LEVEL_LABELS, lineManagerName, type JobFields, type UnitTotals } from './summary.ts';
import type { OrgUnitNode } from './tree.ts';

export interface UnitRow extends UnitTotals {
  unit: OrgUnitNode;
}

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

function UnitTable({ caption, rows }: { caption: string; rows: UnitRow[] }) {
  return (
    <Table
      caption={caption}
      head={[{ text: 'Unit' }, { text: 'Level' }, { text: 'Staff in post' }, { text: 'FTE' }]}
      numericColumns={[2, 3]}
      rows={rows.map((row) => [
        <a href={`/org/units/${row.unit.id}`}>{row.unit.name}</a>,
        LEVEL_LABELS[row.unit.level],
        number.format(row.headcount),
        number.format(row.fte),
      ])}
    />
  );
}

export function OrgIndexPage({ rows }: { rows: UnitRow[] }) {
  return (
    <>
      <h1>Organisation</h1>
      <p>The parts of the trust you can see, with the staff in post today.</p>
      <UnitTable caption="Your units" rows={rows} />
    </>
  );
}

interface UnitPageProps {
  unit: OrgUnitNode;
  totals: UnitTotals;
  children: UnitRow[];
  breadcrumb: { href: string; text: string }[];
  canSeePeople: boolean;
  canSeeCharacteristics: boolean;
}

export function UnitPage({ unit, totals, children, breadcrumb, canSeePeople, canSeeCharacteristics }: UnitPageProps) {
  return (
    <>
      <Breadcrumb items={breadcrumb} />
      <h1>
        <span class="nhsuk-caption-l">{LEVEL_LABELS[unit.level]}</span>
        {unit.name}
      </h1>
      <SummaryList
        rows={[
          { key: 'Code', value: unit.code },
          { key: 'Staff in post', value: number.format(totals.headcount) },
          { key: 'Full-time equivalent', value: number.format(totals.fte) },
        ]}
      />
      {(canSeePeople || canSeeCharacteristics) && (
        <ul class="nhsuk-list">
          {canSeePeople && (
            <li>
              <a href={`/org/units/${unit.id}/people`}>People in {unit.name}</a>
            </li>
          )}
          {canSeeCharacteristics && (
            <li>
              <a href={`/org/units/${unit.id}/characteristics`}>Protected characteristics in {unit.name}</a>
            </li>
          )}
        </ul>
      )}
      {children.length > 0 && <UnitTable caption={`Units in ${unit.name}`} rows={children} />}
    </>
  );
}

interface PersonRow extends JobFields {
  personId: number;
  staffNumber: string;
  givenName: string;
  familyName: string;
}

interface PeoplePageProps {
  unit: OrgUnitNode;
  people: PersonRow[];
  total: number;
  page: number;
  pageCount: number;
}

export function PeoplePage({ unit, people, total, page, pageCount }: PeoplePageProps) {
  return (
    <>
      <Breadcrumb items={[{ href: `/org/units/${unit.id}`, text: unit.name }]} />
      <h1>People in {unit.name}</h1>
      <p>
        {number.format(total)} staff in post today.
        {pageCount > 1 && ` Page ${page} of ${pageCount}.`}
      </p>
      <Table
        caption={`Staff in post in ${unit.name}`}
        head={[{ text: 'Name' }, { text: 'Team' }, { text: 'Job title' }, { text: 'Band' }, { text: 'FTE' }, { text: 'Line manager' }, { text: 'Started' }]}
        numericColumns={[4]}
        rows={people.map((p) => [
          `${p.givenName} ${p.familyName}`,
          p.unitName,
          p.jobTitle,
          p.band,
          number.format(p.fte),
          lineManagerName(p) ?? 'None recorded',
          formatDate(p.startDate),
        ])}
      />
      {pageCount > 1 && (
        <nav class="nhsuk-pagination" role="navigation" aria-label="Pagination">
          <ul class="nhsuk-list nhsuk-pagination__list">
            {page > 1 && (
              <li class="nhsuk-pagination-item--previous">
                <a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href={`?page=${page - 1}`}>
                  <span class="nhsuk-pagination__title">Previous</span>
                  <span class="nhsuk-u-visually-hidden">:</span>
                  <span class="nhsuk-pagination__page">Page {page - 1}</span>
                </a>
              </li>
            )}
            {page < pageCount && (
              <li class="nhsuk-pagination-item--next">
                <a class="nhsuk-pagination__link nhsuk-pagination__link--next" href={`?page=${page + 1}`}>
                  <span class="nhsuk-pagination__title">Next</span>
                  <span class="nhsuk-u-visually-hidden">:</span>
                  <span class="nhsuk-pagination__page">Page {page + 1}</span>
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}

export function CharacteristicsPage({ unit, breakdowns }: { unit: OrgUnitNode; breakdowns: { title: string; cells: BreakdownCell[] }[] }) {
  return (
    <>
      <Breadcrumb items={[{ href: `/org/units/${unit.id}`, text: unit.name }]} />
      <h1>Protected characteristics in {unit.name}</h1>
      <InsetText>
        <p>
          Counts of staff in post today. Groups of fewer than {EDI_MIN_CELL} people are not shown, so that no one can be
          identified; where one small group is hidden, the next smallest is hidden too so it cannot be worked out from the total. Your viewing of this page is recorded in the audit log.
        </p>
      </InsetText>
      {breakdowns.map((breakdown) => (
        <Table
          caption={breakdown.title}
          head={[{ text: breakdown.title }, { text: 'Staff' }]}
          numericColumns={[1]}
          rows={breakdown.cells.map((cell) => [cell.category, cell.n === undefined ? "suppressed" : number.format(cell.n)])}
        />
      ))}
    </>
  );
}
