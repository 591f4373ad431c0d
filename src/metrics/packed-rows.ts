import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { queryRows } from '#src/imports/upsert.ts';

/** How a column is written into the document: text quoted and escaped by the server, numbers and dates as PostgreSQL prints them. */
export type PackedKind = 'text' | 'number' | 'date' | 'boolean' | 'json';

function encode(expression: SQL, kind: PackedKind): SQL {
  switch (kind) {
    case 'text':
      return sql`coalesce(to_json(${expression})::text, 'null')`;
    case 'date':
      return sql`coalesce('"' || (${expression})::text || '"', 'null')`;
    case 'number':
    case 'boolean':
    case 'json':
      return sql`coalesce((${expression})::text, 'null')`;
  }
}

/**
 * Reads many rows as one JSON document the server builds (an array of arrays in one string
 * aggregate), parsed with one JSON.parse. Drivers decode results value by value, which for fact
 * tables of 100,000 rows costs far more than the query itself: about twice as much on PostgreSQL
 * and twenty times on PGlite. `from` is everything after the select list; `toRow` gets each row's
 * values in the order of `columns`. Numerics must be finite (NaN and Infinity are not JSON).
 */
export async function packedRows<T>(db: Db, columns: readonly (readonly [SQL, PackedKind])[], from: SQL, toRow: (values: unknown[]) => T): Promise<T[]> {
  const fields = sql.join(
    columns.map(([expression, kind]) => encode(expression, kind)),
    sql.raw(` || ',' || `),
  );
  const [result] = await queryRows<{ rows: string | null }>(db, sql`select '[' || string_agg('[' || ${fields} || ']', ',') || ']' as rows ${from}`);
  if (!result?.rows) return [];
  return (JSON.parse(result.rows) as unknown[][]).map(toRow);
}
