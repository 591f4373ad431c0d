import type { Child } from 'hono/jsx';

export function SummaryList({ rows }: { rows: { key: string; value: Child }[] }) {
  return (
    <dl class="nhsuk-summary-list">
      {rows.map((row) => (
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">{row.key}</dt>
          <dd class="nhsuk-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

interface TableProps {
  caption: string;
  head: { text: string; isNumeric?: boolean }[];
  rows: Child[][];
  /** Right-aligns these columns (0-based) as nhsuk numeric cells. */
  numericColumns?: number[];
}

export function Table({ caption, head, rows, numericColumns = [] }: TableProps) {
  return (
    <table class="nhsuk-table">
      <caption class="nhsuk-table__caption">{caption}</caption>
      <thead class="nhsuk-table__head">
        <tr>
          {head.map((cell, index) => (
            <th scope="col" class={numericColumns.includes(index) ? 'nhsuk-table__header nhsuk-table__header--numeric' : 'nhsuk-table__header'}>
              {cell.text}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        {rows.map((row) => (
          <tr class="nhsuk-table__row">
            {row.map((cell, index) =>
              index === 0 ? (
                <th scope="row" class="nhsuk-table__header">
                  {cell}
                </th>
              ) : (
                <td class={numericColumns.includes(index) ? 'nhsuk-table__cell nhsuk-table__cell--numeric' : 'nhsuk-table__cell'}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Card({ href, heading, description }: { href: string; heading: string; description: string }) {
  return (
    <div class="nhsuk-card nhsuk-card--clickable">
      <div class="nhsuk-card__content">
        <h2 class="nhsuk-card__heading nhsuk-heading-m">
          <a class="nhsuk-card__link" href={href}>
            {heading}
          </a>
        </h2>
        <p class="nhsuk-card__description">{description}</p>
      </div>
    </div>
  );
}

export function InsetText({ children }: { children: Child }) {
  return (
    <div class="nhsuk-inset-text">
      <span class="nhsuk-u-visually-hidden">Information: </span>
      {children}
    </div>
  );
}

export function Breadcrumb({ items }: { items: { href: string; text: string }[] }) {
  const parent = items.at(-1);
  return (
    <nav class="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol class="nhsuk-breadcrumb__list">
        {items.map((item) => (
          <li class="nhsuk-breadcrumb__list-item">
            <a class="nhsuk-breadcrumb__link" href={item.href}>
              {item.text}
            </a>
          </li>
        ))}
      </ol>
      {parent && (
        <p class="nhsuk-breadcrumb__back">
          <a class="nhsuk-breadcrumb__backlink" href={parent.href}>
            <span class="nhsuk-u-visually-hidden">Back to &nbsp;</span>
            {parent.text}
          </a>
        </p>
      )}
    </nav>
  );
}
