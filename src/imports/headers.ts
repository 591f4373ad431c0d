import type { ColumnInfo, ImportKind } from './kinds/define.ts';

/** A mapping value that means "leave this column out". */
export const IGNORE_COLUMN = 'ignore';

/** Headers compare without case, spaces or punctuation: "Org code" matches "Org Code" and "ORG_CODE". */
export const normaliseHeader = (header: string) => header.toLowerCase().replace(/[^a-z0-9]+/g, '');

export interface HeaderPlan {
  /** Column name → position in each record. */
  columns: Map<string, number>;
  /** Extra columns the kind takes by pattern (survey questions): header → position. */
  extra: Map<string, number>;
  /** Headers that match no column and have no mapping. */
  unknown: string[];
  /** Required columns no header matches. */
  missing: ColumnInfo[];
  /** Columns two headers both match: column name → the headers. */
  repeated: Map<string, string[]>;
  /** How many headers matched a column of the kind by name or alias (not by mapping). */
  recognised: number;
}

/**
 * Matches a file's header row to the kind's columns: first by the mapping the caller gave or an
 * analyst saved, then by header and aliases, then by the kind's extra-column pattern.
 */
export function planHeaders(kind: ImportKind, headers: readonly string[], mapping: Readonly<Record<string, string>>): HeaderPlan {
  const byName = new Map<string, ColumnInfo>();
  for (const column of kind.columns) {
    for (const spelling of [column.header, ...column.aliases, column.name]) {
      if (!byName.has(normaliseHeader(spelling))) byName.set(normaliseHeader(spelling), column);
    }
  }
  const mapped = new Map(Object.entries(mapping).map(([header, column]) => [normaliseHeader(header), column]));
  const plan: HeaderPlan = { columns: new Map(), extra: new Map(), unknown: [], missing: [], repeated: new Map(), recognised: 0 };
  const take = (name: string, header: string, index: number) => {
    if (plan.columns.has(name)) {
      const first = headers[plan.columns.get(name) ?? 0] ?? '';
      plan.repeated.set(name, [...(plan.repeated.get(name) ?? [first]), header]);
      return;
    }
    plan.columns.set(name, index);
  };
  headers.forEach((header, index) => {
    const key = normaliseHeader(header);
    if (key === '') return;
    const target = mapped.get(key);
    if (target === IGNORE_COLUMN) return;
    if (target !== undefined && kind.columns.some((c) => c.name === target)) return take(target, header, index);
    const column = byName.get(key);
    if (column) {
      plan.recognised += 1;
      return take(column.name, header, index);
    }
    if (kind.extra?.pattern.test(header.trim())) {
      plan.recognised += 1;
      plan.extra.set(header.trim(), index);
      return;
    }
    plan.unknown.push(header);
  });
  plan.missing = kind.columns.filter((column) => !column.optional && !plan.columns.has(column.name));
  return plan;
}

/** "Staff Number (or Employee Number, Staff No)" for messages about a missing column. */
export function describeColumn(column: ColumnInfo): string {
  return column.aliases.length > 0 ? `"${column.header}" (or ${column.aliases.slice(0, 3).map((a) => `"${a}"`).join(', ')})` : `"${column.header}"`;
}
