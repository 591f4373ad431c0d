import type { Db } from '#src/db/client.ts';
import { recordAudit } from './audit.ts';
import { decideLink, type OidcIdentity } from './oidc-identity.ts';
import { findAccountByOidcSubject, linkAccountToOidc } from './oidc-store.ts';
import { findAccountByEmail } from './store.ts';

export type OidcFailureReason = 'not-set-up' | 'deactivated' | 'provider-error' | 'expired';

export type OidcSignInOutcome = { kind: 'ok'; accountId: number } | { kind: 'not-set-up' } | { kind: 'deactivated' };

/** Audits a refused or broken OpenID Connect sign-in. */
export async function recordOidcFailure(db: Db, actorAccountId: number | null, reason: OidcFailureReason, now: Date): Promise<void> {
  await recordAudit(db, { actorAccountId, action: 'sign-in.failed', detail: { method: 'oidc', reason } }, now);
}

/**
 * Finds the Vitals account for an identity the provider has vouched for, linking a pre-created
 * account on its first sign-in (see decideLink). Refusals are audited here; a successful sign-in
 * is audited when the session starts.
 */
export async function attemptOidcSignIn(db: Db, identity: OidcIdentity, now: Date): Promise<OidcSignInOutcome> {
  const bySubject = await findAccountByOidcSubject(db, identity.issuer, identity.subject);
  const byEmail = bySubject || identity.email === undefined ? undefined : await findAccountByEmail(db, identity.email);
  const decision = decideLink(bySubject, byEmail);

  switch (decision.kind) {
    case 'sign-in':
      return { kind: 'ok', accountId: decision.accountId };
    case 'link': {
      const isLinked = await db.transaction(async (tx) => {
        if (!(await linkAccountToOidc(tx, decision.accountId, identity.issuer, identity.subject))) return false;
        await recordAudit(
          tx,
          { actorAccountId: decision.accountId, action: 'account.updated', subject: `account:${decision.accountId}`, detail: { oidcLinked: true } },
          now,
        );
        return true;
      });
      if (isLinked) return { kind: 'ok', accountId: decision.accountId };
      // The account was linked or deactivated between the read and the update: refuse, do not guess.
      await recordOidcFailure(db, decision.accountId, 'not-set-up', now);
      return { kind: 'not-set-up' };
    }
    case 'deactivated':
      await recordOidcFailure(db, decision.accountId, 'deactivated', now);
      return { kind: 'deactivated' };
    case 'not-set-up':
      await recordOidcFailure(db, null, 'not-set-up', now);
      return { kind: 'not-set-up' };
  }
}
