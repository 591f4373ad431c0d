import { index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { account } from '#src/auth/schema.ts';
import { createdAt, utcTimestamp } from '#src/db/columns.ts';

/** Personal access tokens for the read-only API. Only the SHA-256 of a token is stored. */
export const apiToken = pgTable(
  'api_token',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => account.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the token, so its owner can tell tokens apart. */
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    expiresAt: utcTimestamp('expires_at').notNull(),
    lastUsedAt: utcTimestamp('last_used_at'),
    revokedAt: utcTimestamp('revoked_at'),
  },
  (t) => [uniqueIndex('api_token_hash_idx').on(t.tokenHash), index('api_token_account_idx').on(t.accountId)],
);
