import { Hono } from 'hono';
import { requires } from '#src/auth/guard.ts';
import type { AppEnv } from '#src/web/env.ts';
import { notFound } from '#src/web/errors.ts';
import { renderPage } from '#src/web/render.tsx';
import { findMessage, listMessages, OUTBOX_PAGE_SIZE } from './outbox.ts';
import { OutboxMessagePage, OutboxPage } from './views.tsx';

/** The admin's view of every message Vitals has written (the only delivery without SMTP). */
export const outboxRoutes = new Hono<AppEnv>()
  .get('/', requires('outbox.read'), async (c) => {
    const before = Number(c.req.query('before'));
    const messages = await listMessages(c.get('database').db, Number.isInteger(before) && before > 0 ? before : undefined);
    const last = messages.at(-1);
    return renderPage(
      c,
      'Outbox',
      <OutboxPage
        messages={messages}
        olderThan={last && messages.length >= OUTBOX_PAGE_SIZE ? last.id : undefined}
        isSmtpConfigured={c.get('config').smtpUrl !== undefined}
      />,
    );
  })
  .get('/:messageId', requires('outbox.read'), async (c) => {
    const messageId = Number(c.req.param('messageId'));
    const message = Number.isInteger(messageId) && messageId > 0 ? await findMessage(c.get('database').db, messageId) : undefined;
    if (!message) throw notFound();
    return renderPage(c, message.subject, <OutboxMessagePage message={message} />);
  });
