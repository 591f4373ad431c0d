import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { lockDataDir } from './lock.ts';
import { syncReferenceData } from './reference-data.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The same queries run on both drivers, so features only ever see this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Applies migrations, then adds the reference rows the code expects (the metric catalogue). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = join(import.meta.dirname, 'migrations');

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | undefined };

/** Opens PostgreSQL when a URL is given; otherwise PGlite in dataDir (in memory when dataDir is undefined). */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const client = postgres(target.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres({ client, schema });
    return {
      db,
      kind: 'postgres',
      migrate: async () => {
        await migratePostgres(db, { migrationsFolder });
        await syncReferenceData(db);
      },
      close: () => client.end(),
    };
  }
  const lock = target.dataDir === undefined ? undefined : lockDataDir(target.dataDir);
  try {
    const client = target.dataDir === undefined ? new PGlite() : new PGlite(join(target.dataDir, 'pglite'));
    await client.waitReady;
    const db = drizzlePglite({ client, schema });
    return {
      db,
      kind: 'pglite',
      migrate: async () => {
        await migratePglite(db, { migrationsFolder });
        await syncReferenceData(db);
      },
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

export function databaseTarget(config: { databaseUrl: string | undefined; dataDir: string }): DatabaseTarget {
  return config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir };
}
