import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import { hashToken } from '#src/auth/store.ts';
import type { Db } from '#src/db/client.ts';
import { apiToken, metric, scorecardSeries } from '#src/db/schema.ts';

const TOKEN_PREFIX = 'vit_';
/** "vit_" and the first 8 random characters: enough to tell tokens apart, useless to an attacker. */
const SHOWN_LENGTH = 12;
const USE_RECORDED_EVERY_MS = 60_000;

export interface NewToken {
  accountId: number;
  name: string;
  expiresAt: Date;
}

/** Returns the token itself, which is never stored: only its SHA-256 and its first characters are. */
export async function createApiToken(db: Db, values: NewToken, now: Date): Promise<{ id: number; token: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(apiToken)
    .values({ ...values, tokenHash: hashToken(token), prefix: token.slice(0, SHOWN_LENGTH), createdAt: now })
    .returning({ id: apiToken.id });
  if (!row) throw new Error('token not inserted');
  return { id: row.id, token };
}

export async function listApiTokens(db: Db, accountId: number) {
  return db
    .select({
      id: apiToken.id,
      name: apiToken.name,
      prefix: apiToken.prefix,
      createdAt: apiToken.createdAt,
      expiresAt: apiToken.expiresAt,
      lastUsedAt: apiToken.lastUsedAt,
      revokedAt: apiToken.revokedAt,
    })
    .from(apiToken)
    .where(eq(apiToken.accountId, accountId))
    .orderBy(desc(apiToken.createdAt), desc(apiToken.id));
}

/** Revokes one of the account's own tokens; false when it has no such unrevoked token. */
export async function revokeApiToken(db: Db, accountId: number, tokenId: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(apiToken)
    .set({ revokedAt: at })
    .where(and(eq(apiToken.id, tokenId), eq(apiToken.accountId, accountId), isNull(apiToken.revokedAt)))
    .returning({ id: apiToken.id });
  return rows.length > 0;
}

/** The token's owner, if the token exists, is not revoked and has not expired. */
export async function findUsableApiToken(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({ id: apiToken.id, accountId: apiToken.accountId })
    .from(apiToken)
    .where(and(eq(apiToken.tokenHash, hashToken(token)), isNull(apiToken.revokedAt), gt(apiToken.expiresAt, now)));
  return row;
}

/** Records a use at most once a minute, so busy integrations do not write on every request. */
export async function recordApiTokenUse(db: Db, tokenId: number, now: Date): Promise<void> {
  await db
    .update(apiToken)
    .set({ lastUsedAt: now })
    .where(and(eq(apiToken.id, tokenId), or(isNull(apiToken.lastUsedAt), lt(apiToken.lastUsedAt, new Date(now.getTime() - USE_RECORDED_EVERY_MS)))));
}

export async function listMetricCatalogue(db: Db) {
  return db
    .select({
      key: metric.key,
      name: metric.name,
      description: metric.description,
      source: metric.source,
      polarity: metric.polarity,
      format: metric.format,
      target: metric.target,
      minimumGroupSize: metric.minimumGroupSize,
    })
    .from(metric)
    .orderBy(asc(metric.sortOrder));
}

/** The engine's published series for the units, in catalogue order. */
export async function listPublishedSeries(db: Db, unitIds: readonly number[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({
      unitId: scorecardSeries.unitId,
      metricKey: scorecardSeries.metricKey,
      data: scorecardSeries.data,
      latestPeriod: scorecardSeries.latestPeriod,
      variation: scorecardSeries.variation,
      assurance: scorecardSeries.assurance,
      funnelPosition: scorecardSeries.funnelPosition,
    })
    .from(scorecardSeries)
    .innerJoin(metric, eq(metric.key, scorecardSeries.metricKey))
    .where(inArray(scorecardSeries.unitId, [...unitIds]))
    .orderBy(asc(scorecardSeries.unitId), asc(metric.sortOrder));
}
