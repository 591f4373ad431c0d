import { Breadcrumb, SummaryList, Table, WrittenText } from '#src/web/components/content.tsx';
import { formatDateTime } from '#src/web/today.ts';
import { isWithheldAddress } from './outbox.ts';

interface MessageSummary {
  id: number;
  toAddress: string;
  subject: string;
  createdAt: Date;
  sentAt: Date | null;
  error: string | null;
}

/** A speak-up reporter's address is never shown, not even to admins. */
function recipient(toAddress: string): string {
  return isWithheldAddress(toAddress) ? 'A speak-up reporter (address withheld)' : toAddress;
}

function deliveryStatus(message: Pick<MessageSummary, 'sentAt' | 'error'>): string {
  if (message.sentAt) return `Sent ${formatDateTime(message.sentAt)}`;
  if (message.error) return `Not sent: ${message.error}`;
  return 'Waiting in the outbox';
}

export function OutboxPage({ messages, olderThan, isSmtpConfigured }: { messages: MessageSummary[]; olderThan: number | undefined; isSmtpConfigured: boolean }) {
  return (
    <>
      <h1>Outbox</h1>
      <p>Every message Vitals has written, newest first.</p>
      <p>
        {isSmtpConfigured
          ? 'Messages are sent by email through the configured mail server.'
          : 'No mail server is configured (SMTP_URL), so messages stay here and are not emailed.'}
      </p>
      {messages.length === 0 ? (
        <p>There are no messages yet.</p>
      ) : (
        <Table
          caption="Messages"
          head={[{ text: 'Subject' }, { text: 'To' }, { text: 'Written' }, { text: 'Delivery' }]}
          rows={messages.map((m) => [<a href={`/admin/outbox/${m.id}`}>{m.subject}</a>, recipient(m.toAddress), formatDateTime(m.createdAt), deliveryStatus(m)])}
        />
      )}
      {olderThan !== undefined && (
        <p>
          <a href={`/admin/outbox?before=${olderThan}`}>Older messages</a>
        </p>
      )}
    </>
  );
}

export function OutboxMessagePage({ message }: { message: MessageSummary & { body: string } }) {
  return (
    <>
      <Breadcrumb items={[{ href: '/admin/outbox', text: 'Outbox' }]} />
      <h1>{message.subject}</h1>
      <SummaryList
        rows={[
          { key: 'To', value: recipient(message.toAddress) },
          { key: 'Written', value: formatDateTime(message.createdAt) },
          { key: 'Delivery', value: deliveryStatus(message) },
        ]}
      />
      <h2>Message</h2>
      <WrittenText class="nhsuk-u-text-break-word" text={message.body} />
    </>
  );
}
