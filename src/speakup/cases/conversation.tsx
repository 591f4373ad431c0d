import { WrittenText } from '#src/web/components/content.tsx';
import { formatDate } from '#src/web/today.ts';
import type { CaseMessage } from '../store.ts';
import { formatBytes } from '../attachments.ts';

function authorOf(message: CaseMessage): string {
  if (message.author === 'reporter') return 'the reporter';
  const role = message.author === 'guardian' ? 'Guardian' : 'investigator';
  return message.authorName ? `${message.authorName} (${role})` : `the ${role}`;
}

function Attachments({ message, attachmentsHref }: { message: CaseMessage; attachmentsHref: string }) {
  if (message.attachments.length === 0) return null;
  return (
    <ul class="nhsuk-list">
      {message.attachments.map((attachment, index) => (
        <li>
          <a href={`${attachmentsHref}/${attachment.id}`}>
            Download attachment {index + 1}
            <span class="nhsuk-u-visually-hidden"> of the message from {authorOf(message)} on {formatDate(message.sentOn)}</span> (
            {attachment.mediaType}, {formatBytes(attachment.byteSize)})
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * Messages between reporter and Guardian as plain cards; internal notes as warning cards headed
 * so nobody mistakes one for something the reporter has read.
 */
export function Conversation({ messages, attachmentsHref }: { messages: readonly CaseMessage[]; attachmentsHref: string }) {
  if (messages.length === 0) return <p>There are no messages or notes on this case.</p>;
  return (
    <>
      {messages.map((message) =>
        message.internal ? (
          <div class="nhsuk-card nhsuk-card--warning">
            <div class="nhsuk-card__content">
              <h3 class="nhsuk-card__heading nhsuk-heading-s">Internal note – the reporter cannot see this</h3>
              <p class="nhsuk-card__description nhsuk-u-secondary-text-colour">
                Written by {authorOf(message)} on {formatDate(message.sentOn)}
              </p>
              <WrittenText class="nhsuk-card__description" text={message.body} />
              <Attachments message={message} attachmentsHref={attachmentsHref} />
            </div>
          </div>
        ) : (
          <div class="nhsuk-card">
            <div class="nhsuk-card__content">
              <h3 class="nhsuk-card__heading nhsuk-heading-s">
                {message.author === 'reporter' ? 'From the reporter' : `To the reporter, from ${authorOf(message)}`}, {formatDate(message.sentOn)}
              </h3>
              <WrittenText class="nhsuk-card__description" text={message.body} />
              <Attachments message={message} attachmentsHref={attachmentsHref} />
            </div>
          </div>
        ),
      )}
    </>
  );
}
