import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { packedRows } from './packed-rows.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

const columns = [
  [sql.raw('a'), 'text'],
  [sql.raw('b'), 'number'],
  [sql.raw('c'), 'date'],
  [sql.raw('d'), 'boolean'],
  [sql.raw('e'), 'json'],
] as const;

describe('packedRows', () => {
  it('reads text, numbers, dates, booleans, JSON and nulls exactly', async () => {
    const awkward = 'quote " backslash \\ comma , bracket ] control \u001e\u001f newline \n é';
    const rows = await packedRows(
      database.db,
      columns,
      sql`from (values (${awkward}::text, 12.50::numeric, '2026-02-28'::date, true, '{"q2a": 5, "q3c": null}'::jsonb), (null, -3, null, false, null), ('x', 7.25::float8, '1999-12-31', null, '[]')) t(a, b, c, d, e)`,
      (v) => v,
    );
    expect(rows).toEqual([
      [awkward, 12.5, '2026-02-28', true, { q2a: 5, q3c: null }],
      [null, -3, null, false, null],
      ['x', 7.25, '1999-12-31', null, []],
    ]);
  });

  it('gives no rows for an empty table', async () => {
    expect(await packedRows(database.db, columns, sql`from (values ('a', 1, current_date, true, '{}'::jsonb)) t(a, b, c, d, e) where false`, (v) => v)).toEqual([]);
  });
});
