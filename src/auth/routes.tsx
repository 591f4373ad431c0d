import { Hono } from 'hono';
import type { AppEnv } from '#src/web/env.ts';
import { parseForm } from '#src/web/forms.ts';
import { renderPage } from '#src/web/render.tsx';
import { safeNextPath, SignInSchema } from './forms.ts';
import { requires } from './guard.ts';
import { PUBLIC, SIGNED_IN } from './permissions.ts';
import { endSession, startSession } from './session.ts';
import { attemptPasswordSignIn, LOCKOUT_MINUTES } from './sign-in.ts';
import { SignInPage } from './views.tsx';
import { clientAddress } from '#src/web/client-address.ts';


export const authRoutes = new Hono<AppEnv>()
  .get('/sign-in', requires(PUBLIC), (c) => {
    if (c.get('principal')) return c.redirect(safeNextPath(c.req.query('next')));
    const config = c.get('config');
    return renderPage(
      c,
      'Sign in',
      <SignInPage
        csrfToken={c.get('csrfToken')}
        errors={{}}
        values={{}}
        next={safeNextPath(c.req.query('next'))}
        oidcLabel={config.oidc?.label}
        isDemo={config.isDemo}
      />,
    );
  })
  .post('/sign-in', requires(PUBLIC), async (c) => {
    const config = c.get('config');
    const form = parseForm(SignInSchema, await c.req.parseBody());
    const next = safeNextPath(form.ok ? form.data.next : form.values.next);
    const show = (errors: Record<string, string>, values: Record<string, string>, status: 400 | 429) =>
      renderPage(
        c,
        'Sign in',
        <SignInPage csrfToken={c.get('csrfToken')} errors={errors} values={values} next={next} oidcLabel={config.oidc?.label} isDemo={config.isDemo} />,
        { status, hasErrors: true },
      );
    if (!form.ok) return show(form.errors, form.values, 400);

    const { email, password } = form.data;
    const outcome = await attemptPasswordSignIn(c.get('database').db, email, password, clientAddress(c), c.get('clock')());
    if (outcome.kind === 'locked') {
      return show({ email: `Too many failed attempts. Wait ${LOCKOUT_MINUTES} minutes, then try again.` }, { email }, 429);
    }
    if (outcome.kind === 'invalid') return show({ email: 'Enter a correct email address and password' }, { email }, 400);
    await startSession(c, outcome.accountId, 'password');
    return c.redirect(next, 303);
  })
  .post('/sign-out', requires(SIGNED_IN), async (c) => {
    await endSession(c);
    return c.redirect('/sign-in', 303);
  });
