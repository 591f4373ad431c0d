import { Hono, type Context } from 'hono';
import { recordAudit } from '#src/auth/audit.ts';
import { requires } from '#src/auth/guard.ts';
import type { Principal } from '#src/auth/permissions.ts';
import type { AppEnv } from '#src/web/env.ts';
import { notFound } from '#src/web/errors.ts';
import { parseForm, type FieldErrors, type FormValues } from '#src/web/forms.ts';
import { renderPage } from '#src/web/render.tsx';
import { NewTokenSchema } from './forms.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './store.ts';
import { TokensPage } from './token-views.tsx';

const DAY_MS = 86_400_000;

function principalOf(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw notFound();
  return principal;
}

async function showTokens(
  c: Context<AppEnv>,
  options: { errors?: FieldErrors; values?: FormValues; created?: { name: string; token: string } } = {},
) {
  const errors = options.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  if (options.created) c.header('Cache-Control', 'no-store');
  return renderPage(
    c,
    'API tokens',
    <TokensPage
      tokens={await listApiTokens(c.get('database').db, principalOf(c).accountId)}
      now={c.get('clock')()}
      csrfToken={c.get('csrfToken')}
      errors={errors}
      values={options.values ?? {}}
      created={options.created}
      saved={c.req.query('saved')}
    />,
    { status: hasErrors ? 400 : 200, hasErrors },
  );
}

/** Personal access tokens for the read-only API: created, listed and revoked by their owner. */
export const tokenRoutes = new Hono<AppEnv>()
  .get('/', requires('api.tokens'), (c) => showTokens(c))
  .post('/', requires('api.tokens'), async (c) => {
    const principal = principalOf(c);
    const form = parseForm(NewTokenSchema, await c.req.parseBody());
    if (!form.ok) return showTokens(c, { errors: form.errors, values: form.values });
    const db = c.get('database').db;
    const now = c.get('clock')();
    const { id, token } = await createApiToken(
      db,
      { accountId: principal.accountId, name: form.data.name, expiresAt: new Date(now.getTime() + form.data.expiresInDays * DAY_MS) },
      now,
    );
    await recordAudit(
      db,
      { actorAccountId: principal.accountId, action: 'api-token.created', subject: `api-token:${id}`, detail: { expiresInDays: form.data.expiresInDays } },
      now,
    );
    // Shown in this response only (not after a redirect), so the token is never kept anywhere.
    return showTokens(c, { created: { name: form.data.name, token } });
  })
  .post('/:tokenId/revoke', requires('api.tokens'), async (c) => {
    const principal = principalOf(c);
    const tokenId = Number(c.req.param('tokenId'));
    const db = c.get('database').db;
    const now = c.get('clock')();
    if (!Number.isInteger(tokenId) || !(await revokeApiToken(db, principal.accountId, tokenId, now))) throw notFound();
    await recordAudit(db, { actorAccountId: principal.accountId, action: 'api-token.revoked', subject: `api-token:${tokenId}` }, now);
    return c.redirect('/account/tokens?saved=revoked', 303);
  });
