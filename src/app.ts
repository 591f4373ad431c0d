import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { except } from 'hono/combine';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { adminRoutes } from '#src/admin/routes.tsx';
import { apiError, isApiPath } from '#src/api/errors.ts';
import { apiRoutes } from '#src/api/routes.ts';
import { authenticateApiToken } from '#src/api/token-auth.ts';
import { tokenRoutes } from '#src/api/token-routes.tsx';
import { assertEveryRouteGuarded, denyUnguarded, requires } from '#src/auth/guard.ts';
import { checkCsrf, loadSession } from '#src/auth/middleware.ts';
import { oidcRoutes } from '#src/auth/oidc-routes.tsx';
import { PUBLIC } from '#src/auth/permissions.ts';
import { authRoutes } from '#src/auth/routes.tsx';
import { outputRoutes } from '#src/board/outputs/routes.tsx';
import { reportRoutes as boardReportRoutes } from '#src/board/reports/routes.tsx';
import { strategyRoutes } from '#src/board/strategy/routes.tsx';
import { homeRoutes } from '#src/home/routes.tsx';
import { importRoutes } from '#src/imports/routes.tsx';
import { outboxRoutes } from '#src/notifications/routes.tsx';
import { orgRoutes } from '#src/org/routes.tsx';
import { scorecardRoutes } from '#src/scorecard/routes.tsx';
import { loadOrgTree } from '#src/org/store.ts';
import type { OrgTree } from '#src/org/tree.ts';
import { signalRoutes } from '#src/signals/routes.tsx';
import { caseRoutes } from '#src/speakup/cases/routes.tsx';
import { investigationRoutes } from '#src/speakup/investigations/routes.tsx';
import { reporterRoutes } from '#src/speakup/reporter/routes.tsx';
import { reportRoutes } from '#src/speakup/reporting/routes.tsx';
import { assetRoutes } from '#src/web/assets.ts';
import type { AppDeps, AppEnv } from '#src/web/env.ts';
import { renderErrorPage } from '#src/web/error-pages.tsx';
import { AppError } from '#src/web/errors.ts';
import { logger } from '#src/web/logger.ts';
import { isoDate } from '#src/web/today.ts';

/** A 5 MB attachment and the form around it. */
const SPEAK_UP_BODY_LIMIT = 6 * 1024 * 1024;

/** Builds the app with its middleware in a fixed order; every dependency is passed in. */
export function createApp(deps: AppDeps) {
  const { config } = deps;
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('requestId', randomUUID());
    c.set('config', deps.config);
    c.set('database', deps.database);
    c.set('clock', deps.clock);
    let tree: Promise<OrgTree> | undefined;
    c.set('orgTree', () => (tree ??= loadOrgTree(deps.database.db, isoDate(deps.clock()))));
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        fontSrc: config.fontUrl ? ["'self'", new URL(config.fontUrl).origin] : ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      // A stricter policy set by a route (the speak-up reporter pages) stands.
      overwrite: false,
    }),
  );

  // Pages with many charts and data tables are large but repetitive: gzip takes them to about a tenth.
  app.use('*', compress());

  app.get('/healthz', requires(PUBLIC), (c) => c.json({ status: 'ok', db: deps.database.kind }));
  app.route('/assets', assetRoutes(config.fontUrl));

  // The CSRF check reads the whole body: refuse an oversized speak-up upload before it is read.
  const tooLarge = new AppError(413, 'The file is too large: attach a photo or screenshot smaller than 5 MB.');
  app.use(
    '/speak-up/*',
    bodyLimit({
      maxSize: SPEAK_UP_BODY_LIMIT,
      onError: () => {
        throw tooLarge;
      },
    }),
  );
  // The API authenticates by bearer token only: no session cookie, so no CSRF.
  app.use('/api/*', authenticateApiToken);
  app.use('*', except('/api/*', loadSession, checkCsrf), denyUnguarded);
  app.route('/', authRoutes);
  app.route('/', oidcRoutes);
  app.route('/', homeRoutes);
  app.route('/org', orgRoutes);
  app.route('/scorecard', scorecardRoutes);
  app.route('/admin/outbox', outboxRoutes);
  app.route('/admin', adminRoutes);
  app.route('/imports', importRoutes);
  app.route('/signals', signalRoutes);
  app.route('/speak-up/cases', caseRoutes);
  app.route('/speak-up/investigations', investigationRoutes);
  app.route('/speak-up/reports', reportRoutes);
  app.route('/speak-up', reporterRoutes);
  app.route('/board/reports', outputRoutes);
  app.route('/board/reports', boardReportRoutes);
  app.route('/board/strategy', strategyRoutes);
  app.route('/account/tokens', tokenRoutes);
  app.route('/api/v1', apiRoutes);

  app.notFound((c) => (isApiPath(c.req.path) ? apiError(c, 404, 'Not found') : renderErrorPage(c, 404)));
  app.onError((error, c) => {
    if (error instanceof AppError) return isApiPath(c.req.path) ? apiError(c, error.status, error.message) : renderErrorPage(c, error.status, error.message);
    logger.error('request failed', { requestId: c.get('requestId'), method: c.req.method, path: c.req.path, error });
    return isApiPath(c.req.path) ? apiError(c, 500, `Sorry, there is a problem with the service (reference ${c.get('requestId')})`) : renderErrorPage(c, 500);
  });

  assertEveryRouteGuarded(app.routes);
  return app;
}

export type App = ReturnType<typeof createApp>;
