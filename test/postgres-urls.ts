/** Where integration tests find PostgreSQL: TEST_DATABASE_URL, or the local server with trust auth. */
export function adminUrl(): string {
  // Tests may read their own settings; the app's config.ts is not involved here.
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
