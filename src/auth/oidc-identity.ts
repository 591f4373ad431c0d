/** Who the identity provider says signed in, taken from the ID token (or UserInfo) claims. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  /** Lower case; undefined when the provider sent no usable address or said it is unverified. */
  email: string | undefined;
  name: string | undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Reads the claims Vitals uses. `email` comes first; Entra ID often sends the work address only
 * as `preferred_username`, so that is used when it looks like an email address. An address the
 * provider marks `email_verified: false` is never used to link an account.
 */
export function identityFromClaims(issuer: string, claims: Readonly<Record<string, unknown>>): OidcIdentity | undefined {
  const subject = text(claims.sub);
  if (!subject) return undefined;
  const candidate = text(claims.email) ?? text(claims.preferred_username);
  const isUsable = candidate !== undefined && EMAIL.test(candidate) && claims.email_verified !== false;
  return { issuer, subject, email: isUsable ? candidate.toLowerCase() : undefined, name: text(claims.name) };
}

/** The account fields linking looks at. */
export interface LinkCandidate {
  id: number;
  isActive: boolean;
  oidcSubject: string | null;
}

export type LinkDecision =
  | { kind: 'sign-in'; accountId: number }
  | { kind: 'link'; accountId: number }
  | { kind: 'deactivated'; accountId: number }
  | { kind: 'not-set-up' };

/**
 * Decides what a verified sign-in may do. An account already linked to this (issuer, subject) signs
 * in. Otherwise an active account an administrator created with the same email, not yet linked to
 * any identity, is linked: that is how staff are set up. Nothing else gets in, and no account is
 * ever created here.
 */
export function decideLink(bySubject: LinkCandidate | undefined, byEmail: LinkCandidate | undefined): LinkDecision {
  if (bySubject) return bySubject.isActive ? { kind: 'sign-in', accountId: bySubject.id } : { kind: 'deactivated', accountId: bySubject.id };
  if (!byEmail || byEmail.oidcSubject !== null) return { kind: 'not-set-up' };
  return byEmail.isActive ? { kind: 'link', accountId: byEmail.id } : { kind: 'deactivated', accountId: byEmail.id };
}
