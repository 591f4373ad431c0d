import type { Context } from 'hono';
import type { AppEnv } from './env.ts';
import { renderPage } from './render.tsx';

const PAGES = {
  400: { title: 'Sorry, there is a problem with your request', advice: 'Go back and check what you entered.' },
  403: {
    title: 'You do not have permission to see this page',
    advice: 'If you think you should, ask your Vitals administrator to give you access.',
  },
  404: { title: 'Page not found', advice: 'If you typed the web address, check it is correct. If you pasted it, check you copied all of it.' },
  409: { title: 'Sorry, that could not be saved', advice: 'Someone else may have changed it at the same time. Go back and try again.' },
  413: { title: 'What you sent is too large', advice: 'Go back, choose a smaller file and try again.' },
  429: { title: 'Too many attempts', advice: 'Wait 15 minutes, then try again.' },
  500: { title: 'Sorry, there is a problem with the service', advice: 'Try again later.' },
} as const;

export type ErrorStatus = keyof typeof PAGES;

export function renderErrorPage(c: Context<AppEnv>, status: ErrorStatus, detail?: string) {
  const page = PAGES[status];
  return renderPage(
    c,
    page.title,
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>{page.title}</h1>
        {detail && detail !== page.title && <p>{detail}</p>}
        <p>{page.advice}</p>
        {status === 500 && (
          <p>
            If you contact support, quote reference <span class="nhsuk-u-font-weight-bold">{c.get('requestId')}</span>.
          </p>
        )}
        <p>
          <a href="/">Go to the Vitals home page</a>
        </p>
      </div>
    </div>,
    { status },
  );
}
