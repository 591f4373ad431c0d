import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, utcTimestamp } from '#src/db/columns.ts';
import { orgUnit, person } from '#src/org/schema.ts';

export const roleName = pgEnum('role_name', [
  'staff',
  'manager',
  'guardian',
  'investigator',
  'analyst',
  'programme',
  'board',
  'admin',
]);

export const account = pgTable(
  'account',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** scrypt$N$r$p$salt$hash; null for accounts that only sign in through OpenID Connect. */
    passwordHash: text('password_hash'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    personId: integer('person_id').references(() => person.id),
    isActive: boolean('is_active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('account_email_idx').on(t.email),
    uniqueIndex('account_oidc_idx').on(t.oidcIssuer, t.oidcSubject),
  ],
);

/** A role held over a subtree of the organisation: the unit and everything below it. */
export const roleGrant = pgTable(
  'role_grant',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => account.id),
    role: roleName('role').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    grantedBy: integer('granted_by').references(() => account.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('role_grant_unique_idx').on(t.accountId, t.role, t.unitId)],
);

export const session = pgTable(
  'session',
  {
    /** SHA-256 of the cookie token: a leaked table does not leak live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => account.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: utcTimestamp('expires_at').notNull(),
  },
  (t) => [index('session_account_idx').on(t.accountId)],
);

/** Failed sign-ins, counted per email and per client address to slow guessing. */
export const signInFailure = pgTable(
  'sign_in_failure',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: utcTimestamp('at').notNull(),
  },
  (t) => [index('sign_in_failure_key_idx').on(t.key, t.at)],
);

/** Append-only (a trigger refuses UPDATE and DELETE): sign-ins, grant changes, reads of restricted data. */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: utcTimestamp('at').notNull(),
    actorAccountId: integer('actor_account_id').references(() => account.id),
    action: text('action').notNull(),
    subject: text('subject'),
    detail: jsonb('detail').$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [index('audit_event_at_idx').on(t.at)],
);
