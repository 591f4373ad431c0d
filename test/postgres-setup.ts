import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '#src/db/client.ts';
import { adminUrl, databaseUrl } from './postgres-urls.ts';

const migrationsDir = join(import.meta.dirname, '..', 'src', 'db', 'migrations');
/** The template holds reference rows too, so it is rebuilt when they change. */
const referenceDataFiles = [join(import.meta.dirname, '..', 'src', 'metrics', 'catalogue.ts')];

/** A template database migrated once per schema and reference-data version; each test database is cloned from it. */
export default async function setup({ provide }: { provide: (key: 'templateDatabase', value: string) => void }) {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort()) hash.update(readFileSync(join(migrationsDir, file)));
  for (const file of referenceDataFiles) hash.update(readFileSync(file));
  const name = `vitals_template_${hash.digest('hex').slice(0, 12)}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    const existing = await admin`select 1 from pg_database where datname = ${name}`;
    if (existing.length === 0) {
      const building = `${name}_building_${process.pid}`;
      await admin.unsafe(`create database "${building}"`);
      const database = await openDatabase({ kind: 'postgres', url: databaseUrl(building) });
      await database.migrate();
      await database.close();
      await admin.unsafe(`alter database "${building}" rename to "${name}"`).catch(async () => {
        await admin.unsafe(`drop database if exists "${building}"`);
      });
    }
  } finally {
    await admin.end();
  }
  provide('templateDatabase', name);
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
