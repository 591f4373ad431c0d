import { InsetText, SummaryList, WrittenText } from '#src/web/components/content.tsx';
import { ErrorSummary } from '#src/web/components/error-summary.tsx';
import { Button, Input, PostForm, Textarea } from '#src/web/components/form.tsx';
import { SuccessBanner } from '#src/web/components/notification-banner.tsx';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';
import { formatDate } from '#src/web/today.ts';
import { ATTACHMENT_EXTENSIONS, formatBytes, type AttachmentMediaType } from '#src/speakup/attachments.ts';
import { DETRIMENT_AFTER, SPEAK_UP_AGAIN, type DueDates } from '#src/speakup/rules.ts';
import type { Author, CaseMessage, CaseStatus } from '#src/speakup/store.ts';
import { FileUpload, Radios } from '#src/web/components/choices.tsx';
import { ATTACHMENT_ACCEPT, ATTACHMENT_HINT } from './views.tsx';

export function FollowUpPage({ csrfToken, errors, values, signedOut }: { csrfToken: string; errors: FieldErrors; values: FormValues; signedOut: boolean }) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        {signedOut && <SuccessBanner heading="You have signed out of your concern" />}
        <ErrorSummary errors={errors} />
        <h1>Read replies to your concern</h1>
        <p>Enter the receipt code you were shown when you raised your concern, and the passphrase you chose.</p>
        <PostForm action="/speak-up/follow-up" csrfToken={csrfToken}>
          <Input
            name="receiptCode"
            label="Receipt code"
            hint="20 letters and numbers, like ABCD-EFGH-JKMN-PQRS-TVWX. Capitals and dashes do not matter."
            error={errors.receiptCode}
            value={values.receiptCode}
            autocomplete="off"
            spellcheck={false}
          />
          <Input name="passphrase" label="Passphrase" error={errors.passphrase} type="password" autocomplete="current-password" spellcheck={false} />
          <Button>Read replies</Button>
        </PostForm>
        <h2>If you have lost your receipt code or passphrase</h2>
        <p>
          Nobody can look them up or reset them, not even the Guardian. Your concern has still reached the Guardian. You can{' '}
          <a href="/speak-up/raise">raise a concern</a> again and mention the first one.
        </p>
      </div>
    </div>
  );
}

const STATUS_WORDS: Record<CaseStatus, string> = {
  new: 'Sent: waiting for the Guardian to acknowledge it',
  acknowledged: 'Acknowledged: the Guardian is looking into it',
  referred: 'Being looked into',
  closed: 'Closed',
};

const AUTHOR_WORDS: Record<Author, string> = { reporter: 'You', guardian: 'Guardian', investigator: 'Investigator' };

function attachmentKind(mediaType: string): string {
  return mediaType in ATTACHMENT_EXTENSIONS ? ATTACHMENT_EXTENSIONS[mediaType as AttachmentMediaType].toUpperCase() : 'file';
}

function Message({ message }: { message: CaseMessage }) {
  return (
    <div class="nhsuk-card">
      <div class="nhsuk-card__content">
        <h3 class="nhsuk-card__heading nhsuk-heading-s">
          {AUTHOR_WORDS[message.author]}, {formatDate(message.sentOn)}
        </h3>
        <WrittenText text={message.body} />
        {message.attachments.length > 0 && (
          <ul class="nhsuk-list">
            {message.attachments.map((attachment) => (
              <li>
                <a href={`/speak-up/follow-up/case/attachments/${attachment.id}`} download>
                  Download the attached image ({attachmentKind(attachment.mediaType)}, {formatBytes(attachment.byteSize)})
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

export interface ReporterCaseView {
  reference: string;
  status: CaseStatus;
  receivedOn: string;
  acknowledgedOn: string | null;
  firstFeedbackOn: string | null;
  closedOn: string | null;
  due: DueDates;
  messages: CaseMessage[];
  /** Closed cases only: the outcome the Guardian wrote (never the lessons learned). */
  outcome: string | null;
  feedbackAnswered: boolean;
}

interface CasePageProps {
  view: ReporterCaseView;
  csrfToken: string;
  errors: FieldErrors;
  values: FormValues;
  saved: string | undefined;
}

export function CasePage({ view, csrfToken, errors, values, saved }: CasePageProps) {
  const isClosed = view.status === 'closed';
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        {saved === 'message' && <SuccessBanner heading="Your message has been sent to the Guardian" />}
        {saved === 'feedback' && <SuccessBanner heading="Thank you for answering" />}
        <ErrorSummary errors={errors} />
        <h1>
          <span class="nhsuk-caption-l">Reference {view.reference}</span>
          Your concern
        </h1>
        <SummaryList
          rows={[
            { key: 'Reference', value: view.reference },
            { key: 'Received', value: formatDate(view.receivedOn) },
            { key: 'Status', value: STATUS_WORDS[view.status] },
            {
              key: 'Acknowledgement',
              value: view.acknowledgedOn ? `Acknowledged on ${formatDate(view.acknowledgedOn)}` : `Due by ${formatDate(view.due.acknowledgeBy)}`,
            },
            {
              key: 'First feedback',
              value: view.firstFeedbackOn ? `Given on ${formatDate(view.firstFeedbackOn)}` : `Due by about ${formatDate(view.due.feedbackBy)}`,
            },
            ...(view.closedOn ? [{ key: 'Closed', value: formatDate(view.closedOn) }] : []),
          ]}
        />
        {isClosed && (
          <>
            <h2>Outcome</h2>
            {view.outcome ? <WrittenText text={view.outcome} /> : <p>The Guardian did not write an outcome.</p>}
          </>
        )}
        {isClosed && !view.feedbackAnswered && <ClosingQuestions csrfToken={csrfToken} errors={errors} values={values} />}
        <h2>Messages</h2>
        {view.messages.map((message) => (
          <Message message={message} />
        ))}
        {isClosed ? (
          <InsetText>
            <p>
              This concern is closed, so it cannot take new messages. If something new worries you, <a href="/speak-up/raise">raise a new concern</a>.
            </p>
          </InsetText>
        ) : (
          <>
            <h2>Send a message to the Guardian</h2>
            <form method="post" action="/speak-up/follow-up/case/messages" enctype="multipart/form-data" novalidate>
              <input type="hidden" name="_csrf" value={csrfToken} />
              <Textarea
                name="message"
                label="Your message"
                hint="Answer the Guardian’s questions or add anything you have remembered. If you want to stay anonymous, leave out anything that would identify you."
                error={errors.message}
                value={values.message}
                rows={6}
              />
              <FileUpload name="attachment" label="Attach a photo or screenshot (optional)" hint={ATTACHMENT_HINT} error={errors.attachment} accept={ATTACHMENT_ACCEPT} />
              <Button>Send message</Button>
            </form>
          </>
        )}
        <h2>When you have finished</h2>
        <p>Sign out so nobody else using this device can read your concern. You are signed out anyway after 30 minutes without using these pages.</p>
        <PostForm action="/speak-up/follow-up/sign-out" csrfToken={csrfToken}>
          <Button variant="secondary">Sign out of your concern</Button>
        </PostForm>
      </div>
    </div>
  );
}

function ClosingQuestions({ csrfToken, errors, values }: { csrfToken: string; errors: FieldErrors; values: FormValues }) {
  return (
    <>
      <h2>Two questions about speaking up</h2>
      <p>Your answers help the trust learn how safe people feel to speak up. The trust’s reports show them only as totals.</p>
      <PostForm action="/speak-up/follow-up/case/feedback" csrfToken={csrfToken}>
        <Radios
          name="wouldSpeakUpAgain"
          legend="Given your experience, would you speak up again?"
          error={errors.wouldSpeakUpAgain}
          value={values.wouldSpeakUpAgain}
          choices={SPEAK_UP_AGAIN}
        />
        <Radios
          name="detrimentAfter"
          legend="Since speaking up, have you been treated worse because of it?"
          error={errors.detrimentAfter}
          value={values.detrimentAfter}
          choices={DETRIMENT_AFTER}
        />
        <Button>Send answers</Button>
      </PostForm>
    </>
  );
}
