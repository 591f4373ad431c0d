import { sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { queryRows } from '#src/imports/upsert.ts';

/**
 * An md5 of every row of every table in the public schema, by table: equal checksums mean the
 * tables hold exactly the same rows. `except` leaves tables out (those a rejected import writes to).
 */
export async function tableChecksums(db: Db, except: readonly string[] = []): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const checksums: Record<string, string> = {};
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    const [row] = await queryRows<{ checksum: string }>(
      db,
      sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as checksum from ${sql.identifier(name)} t`,
    );
    checksums[name] = row?.checksum ?? '';
  }
  return checksums;
}

/** Every row of every table in the public schema as `table: row as text`, for searching a whole database. */
export async function tableRows(db: Db): Promise<Set<string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const rows = new Set<string>();
  for (const { name } of tables) {
    for (const { row } of await queryRows<{ row: string }>(db, sql`select t::text as row from ${sql.identifier(name)} t`)) rows.add(`${name}: ${row}`);
  }
  return rows;
}
