import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import type { Cell } from './cells.ts';

export interface ColumnSpec<T> {
  /** The header as the trust's export spells it; matching ignores case, spaces and punctuation. */
  header: string;
  /** Other spellings seen in exports ("Employee Number" for "Staff Number"). */
  aliases?: readonly string[];
  cell: Cell<T>;
  /** The value names an org unit ('unit') or a person ('staff') that must already be known. */
  ref?: 'unit' | 'staff';
  /** The file may leave the column out; its cells then count as blank. */
  optional?: boolean;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Org unit codes and staff numbers already in the database (people only for kinds that refer to staff). */
export interface References {
  units: ReadonlyMap<string, number>;
  people: ReadonlyMap<string, number>;
}

export interface LoadContext extends References {
  importId: number;
  now: Date;
}

/** A problem with one row: the column (canonical name, or the header of an extra column) and what was expected. */
export interface RowIssue {
  column: string;
  value?: string;
  expected: string;
}

// Columns hold cells of different types; the row type is read back from them below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Columns = Record<string, ColumnSpec<any>>;
export type RowOf<C extends Columns> = { [K in keyof C]: C[K] extends ColumnSpec<infer T> ? T : never };
export type Row<C extends Columns, E> = RowOf<C> & { extra: Record<string, E> };

export interface KindSpec<C extends Columns, E> {
  name: string;
  title: string;
  description: string;
  columns: C;
  /** Headers outside `columns` the kind still takes, by pattern (staff survey question codes). */
  extra?: { description: string; pattern: RegExp; cell: Cell<E> };
  /** The natural key: no two rows of a file may share it, and a re-import matches on it. */
  key: readonly (keyof C & string)[];
  month?: (row: RowOf<C>) => string | null;
  /** The column naming the unit each row is about, for the summary. */
  unitColumn?: keyof C & string;
  /** Checks across cells or against the database, after each cell is valid. */
  check?: (row: RowOf<C>, references: References) => RowIssue[];
  /** The loader needs every row in one call (parents before children); others are written in chunks. */
  loadsWholeFile?: boolean;
  /** Checks that need the whole file (a parent defined further down); `index` is the row's position. */
  checkFile?: (rows: readonly RowOf<C>[], references: References) => { index: number; issue: RowIssue }[];
  load: (tx: Db, rows: readonly Row<C, E>[], context: LoadContext) => Promise<UpsertCounts>;
}

export interface ColumnInfo {
  name: string;
  header: string;
  aliases: readonly string[];
  expected: string;
  optional: boolean;
  ref: 'unit' | 'staff' | undefined;
}

/** A validated row, opaque outside its kind. */
export type ParsedRow = { readonly __parsedRow: unique symbol };

/** One source a trust exports: its columns, how to check a row, and how to write rows. */
export interface ImportKind {
  name: string;
  title: string;
  description: string;
  columns: readonly ColumnInfo[];
  extra: { description: string; pattern: RegExp; expected: string } | null;
  keyColumns: readonly string[];
  refersToStaff: boolean;
  loadsWholeFile: boolean;
  parse(cells: Record<string, string>, extra: Record<string, string>, references: References): { row: ParsedRow } | { issues: RowIssue[] };
  keyOf(row: ParsedRow): string;
  monthOf(row: ParsedRow): string | null;
  unitCodeOf(row: ParsedRow): string | null;
  checkFile(rows: readonly ParsedRow[], references: References): { index: number; issue: RowIssue }[];
  load(tx: Db, rows: readonly ParsedRow[], context: LoadContext): Promise<UpsertCounts>;
}

const UNKNOWN_UNIT = 'an organisation code in the organisation structure (import organisation-structure first)';
const UNKNOWN_STAFF = 'a staff number in the ESR people file (import esr-people first)';

export function defineKind<C extends Columns, E = never>(spec: KindSpec<C, E>): ImportKind {
  const names = Object.keys(spec.columns);
  const schema = z.object(Object.fromEntries(names.map((name) => [name, (spec.columns[name] as ColumnSpec<unknown>).cell.schema])));
  const refs = names.flatMap((name) => {
    const ref = spec.columns[name]?.ref;
    return ref ? [{ name, ref }] : [];
  });
  // A ParsedRow is only ever made here, from this kind's own schema, so the casts below are safe.
  const typed = (row: ParsedRow) => row as unknown as Row<C, E>;

  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    columns: names.map((name) => {
      const column = spec.columns[name] as ColumnSpec<unknown>;
      return { name, header: column.header, aliases: column.aliases ?? [], expected: column.cell.expected, optional: column.optional ?? false, ref: column.ref };
    }),
    extra: spec.extra ? { description: spec.extra.description, pattern: spec.extra.pattern, expected: spec.extra.cell.expected } : null,
    keyColumns: spec.key,
    refersToStaff: refs.some((r) => r.ref === 'staff'),
    loadsWholeFile: spec.loadsWholeFile ?? false,
    parse(cells, extraCells, references) {
      const issues: RowIssue[] = [];
      const parsed = schema.safeParse(cells);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) issues.push({ column: String(issue.path[0]), expected: issue.message });
      }
      const extra: Record<string, E> = {};
      if (spec.extra) {
        for (const [header, raw] of Object.entries(extraCells)) {
          const value = spec.extra.cell.schema.safeParse(raw);
          if (value.success) extra[header] = value.data;
          else issues.push({ column: header, expected: spec.extra.cell.expected });
        }
      }
      if (!parsed.success) return { issues };
      const values = parsed.data as RowOf<C>;
      for (const { name, ref } of refs) {
        const value = (values as Record<string, unknown>)[name];
        if (typeof value !== 'string') continue;
        if (ref === 'unit' && !references.units.has(value)) issues.push({ column: name, expected: UNKNOWN_UNIT });
        if (ref === 'staff' && !references.people.has(value)) issues.push({ column: name, expected: UNKNOWN_STAFF });
      }
      if (issues.length === 0 && spec.check) issues.push(...spec.check(values, references));
      if (issues.length > 0) return { issues };
      return { row: { ...values, extra } as unknown as ParsedRow };
    },
    keyOf: (row) => spec.key.map((name) => String(typed(row)[name])).join('\u0000'),
    monthOf: (row) => spec.month?.(typed(row)) ?? null,
    unitCodeOf: (row) => (spec.unitColumn ? (typed(row)[spec.unitColumn] as string | null) : null),
    checkFile: (rows, references) => spec.checkFile?.(rows.map(typed), references) ?? [],
    load: (tx, rows, context) => spec.load(tx, rows.map(typed), context),
  };
}

/** The id of a code or staff number that validation has already checked. */
export function idOf(ids: ReadonlyMap<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`${key} was validated but has no id`);
  return id;
}
