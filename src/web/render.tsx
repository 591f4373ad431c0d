import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env.ts';
import { Layout, type PageContext } from './layout.tsx';

export function pageContext(c: Context<AppEnv>): PageContext {
  return { principal: c.get('principal'), csrfToken: c.get('csrfToken'), path: c.req.path };
}

interface PageOptions {
  status?: ContentfulStatusCode;
  hasErrors?: boolean;
}

/** Renders a page in the NHS layout. */
export function renderPage(c: Context<AppEnv>, title: string, content: Child, options: PageOptions = {}) {
  return c.html(
    <Layout title={title} hasErrors={options.hasErrors ?? false} {...pageContext(c)}>
      {content}
    </Layout>,
    options.status ?? 200,
  );
}
