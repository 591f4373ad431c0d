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
  captionSize?: 's' | 'm' | 'l';
  head: { text: string }[];
  rows: Child[][];
  /** Right-aligns these columns (0-based) as nhsuk numeric cells. */
  numericColumns?: number[];
}

/**
 * nhsuk-frontend's responsive table: on narrow screens each row stacks, and every cell carries its
 * column heading (hidden from assistive technology, which reads the real headers), so pages reflow at 320 px.
 * The first cell of each row is its header.
 */
export function Table({ caption, captionSize, head, rows, numericColumns = [] }: TableProps) {
  const numeric = (index: number) => numericColumns.includes(index);
  return (
    <table class="nhsuk-table nhsuk-table--responsive" role="table">
      <caption class={captionSize ? `nhsuk-table__caption nhsuk-table__caption--${captionSize}` : 'nhsuk-table__caption'}>{caption}</caption>
      <thead class="nhsuk-table__head" role="rowgroup">
        <tr class="nhsuk-table__row" role="row">
          {head.map((cell, index) => (
            <th class={numeric(index) ? 'nhsuk-table__header nhsuk-table__header--numeric' : 'nhsuk-table__header'} scope="col" role="columnheader">
              {cell.text}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        {rows.map((row) => (
          <tr class="nhsuk-table__row" role="row">
            {row.map((cell, index) => {
              const heading = (
                <span class="nhsuk-table__heading" aria-hidden="true">
                  {`${head[index]?.text ?? ''} `}
                </span>
              );
              return index === 0 ? (
                <th class="nhsuk-table__header" scope="row" role="rowheader">
                  {heading}
                  {cell}
                </th>
              ) : (
                <td class={numeric(index) ? 'nhsuk-table__cell nhsuk-table__cell--numeric' : 'nhsuk-table__cell'} role="cell">
                  {heading}
                  {cell}
                </td>
              );
            })}
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

/** Someone's own words, keeping their paragraphs and line breaks; the text is escaped like any other. */
export function WrittenText({ text, class: className }: { text: string; class?: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
  return (
    <>
      {paragraphs.map((paragraph) => (
        <p class={className}>
          {paragraph.split('\n').map((line, index) => (
            <>
              {index > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
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
        <a class="nhsuk-back-link" href={parent.href}>
          <span class="nhsuk-u-visually-hidden">Back to </span>
          {parent.text}
        </a>
      )}
    </nav>
  );
}
