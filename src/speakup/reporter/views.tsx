import { InsetText } from '#src/web/components/content.tsx';
import { ErrorSummary } from '#src/web/components/error-summary.tsx';
import { Button, Input, Select, Textarea } from '#src/web/components/form.tsx';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';
import { formatDate } from '#src/web/today.ts';
import { PASSPHRASE_MIN_LENGTH } from '#src/speakup/receipt.ts';
import { RAISED_AS, type Category, type DueDates } from '#src/speakup/rules.ts';
import { Checkboxes, FileUpload, Radios, WarningCallout } from '#src/web/components/choices.tsx';
import { PATIENT_SAFETY } from './forms.ts';

export const ATTACHMENT_HINT =
  'A JPEG or PNG image, such as a photo or a screenshot, up to 5 MB. Hidden details in the file, such as where a photo was taken and which camera took it, are removed before it is stored. PDFs and other kinds of file cannot be attached.';
export const ATTACHMENT_ACCEPT = 'image/jpeg,image/png,.jpg,.jpeg,.png';

export function LandingPage({ acknowledgeDays, feedbackMonths }: { acknowledgeDays: number; feedbackMonths: number }) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Speak up</h1>
        <p class="nhsuk-body-l">
          If something at work worries you, you can tell the Freedom to Speak Up Guardian. The Guardian is independent of your management, will listen, and
          will make sure your concern is looked into.
        </p>
        <h2>What you can speak up about</h2>
        <p>Anything that gets in the way of good care or of a good place to work, for example:</p>
        <ul>
          <li>patient safety or the quality of care</li>
          <li>your own or colleagues’ safety or wellbeing</li>
          <li>bullying, harassment or inappropriate behaviour</li>
          <li>sexual safety</li>
          <li>anything else that worries you</li>
        </ul>
        <InsetText>
          <p>If someone is in immediate danger, do not wait: tell the person in charge, or call 999.</p>
        </InsetText>
        <h2>How you can be known</h2>
        <p>You choose, and you can speak up in any of these ways:</p>
        <dl class="nhsuk-summary-list">
          {RAISED_AS.map((option) => (
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">{option.label}</dt>
              <dd class="nhsuk-summary-list__value">{option.hint}</dd>
            </div>
          ))}
        </dl>
        <p>
          However you speak up, you choose a passphrase and get a receipt code. With them you can read the Guardian’s replies, answer their questions and add
          anything you remember later.
        </p>
        <h2>What happens next</h2>
        <ul>
          <li>The Guardian acknowledges your concern within {acknowledgeDays} days.</li>
          <li>You get first feedback on what is being done within about {feedbackMonths} months, and often sooner.</li>
          <li>When your concern is closed, you can read the outcome and tell us how speaking up was for you.</li>
        </ul>
        <h2>Staying anonymous</h2>
        <p>
          For an anonymous concern Vitals keeps no name, account, device or network address, and only the date it arrived, not the time. This page loads nothing
          from other websites. Work computers and networks may keep their own records of the pages you visit: if that worries you, use your own phone on mobile
          data.
        </p>
        <a href="/speak-up/raise" role="button" draggable="false" class="nhsuk-button" data-module="nhsuk-button">
          Raise a concern
        </a>
        <p>
          <a href="/speak-up/follow-up">Read replies to a concern you raised</a>
        </p>
      </div>
    </div>
  );
}

export interface PlaceOption {
  id: number;
  text: string;
}

interface RaisePageProps {
  csrfToken: string;
  places: readonly PlaceOption[];
  categories: readonly Category[];
  errors: FieldErrors;
  values: FormValues;
  chosenCategories: readonly string[];
  signedInAs: string | undefined;
}

export function RaisePage({ csrfToken, places, categories, errors, values, chosenCategories, signedInAs }: RaisePageProps) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1>Raise a concern</h1>
        <p>
          The Freedom to Speak Up Guardian reads what you send. If they ask an investigator to look into it, the investigator
          reads your concern too, but never your name unless you raise it openly. Everything you write is stored encrypted.
        </p>
        {signedInAs && (
          <InsetText>
            <p>
              You are signed in as {signedInAs}. If you choose to speak up anonymously, your concern is not linked to your account and your name is not kept.
            </p>
          </InsetText>
        )}
        <form method="post" action="/speak-up/raise" enctype="multipart/form-data" novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <h2>Your concern</h2>
          <Textarea
            name="concern"
            label="What happened?"
            hint="Say what happened or what worries you, when, and who or what it affects. If you want to stay anonymous, leave out anything that would identify you."
            error={errors.concern}
            value={values.concern}
            rows={8}
          />
          <Select
            name="unitId"
            label="Where did it happen? (optional)"
            hint="Choose a directorate or area. Teams are not listed, because naming a small team may identify you."
            error={errors.unitId}
            value={values.unitId ?? ''}
            options={[{ value: '', text: 'I would rather not say' }, ...places.map((place) => ({ value: String(place.id), text: place.text }))]}
          />
          <Radios
            name="patientSafety"
            legend="Does your concern involve patient safety or the quality of care?"
            error={errors.patientSafety}
            value={values.patientSafety}
            choices={PATIENT_SAFETY}
          />
          <Checkboxes
            name="categories"
            legend="What else is your concern about?"
            hint="Select all that apply. If it is only about patient safety, you can leave these blank."
            error={errors.categories}
            values={chosenCategories}
            choices={categories.map((category) => ({ value: category.key, label: category.label }))}
          />
          <Radios
            name="detriment"
            legend="Have you suffered detriment (for example being treated worse) for speaking up before?"
            error={errors.detriment}
            value={values.detriment}
            choices={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
          />
          <h2>About you</h2>
          <Radios
            name="raisedAs"
            legend="How do you want to be known?"
            error={errors.raisedAs}
            value={values.raisedAs}
            choices={RAISED_AS.map((option) => ({ value: option.value, label: option.label, hint: option.hint }))}
          />
          <p>If you chose openly or confidentially, tell the Guardian who you are. If you chose anonymously, leave these blank: anything typed here is not kept.</p>
          <Input name="reporterName" label="Your name" error={errors.reporterName} value={values.reporterName} autocomplete="name" />
          <Input
            name="reporterContact"
            label="How the Guardian can contact you"
            hint="An email address or phone number."
            error={errors.reporterContact}
            value={values.reporterContact}
          />
          <h2>Your passphrase</h2>
          <p>
            You need your passphrase and the receipt code you get next to read replies. Nobody can reset your passphrase or look it up for you, so choose one you
            will remember.
          </p>
          <Input
            name="passphrase"
            label="Choose a passphrase"
            hint={`At least ${PASSPHRASE_MIN_LENGTH} characters. A few words that mean something only to you are easy to remember and hard to guess.`}
            error={errors.passphrase}
            type="password"
            autocomplete="new-password"
            spellcheck={false}
          />
          <Input name="passphraseConfirm" label="Type the passphrase again" error={errors.passphraseConfirm} type="password" autocomplete="new-password" spellcheck={false} />
          <h2>A message when there is a reply (optional)</h2>
          <Input
            name="notifyAddress"
            label="Email address for a ‘reply waiting’ message (optional)"
            hint="If you give an address, the message will be sent to it, so anyone who can read that mailbox will know you raised a concern. The Guardian never sees the address; it is deleted when your case closes. Leave blank to stay fully anonymous."
            error={errors.notifyAddress}
            value={values.notifyAddress}
            type="email"
            autocomplete="off"
            spellcheck={false}
          />
          <h2>A photo or screenshot (optional)</h2>
          <FileUpload name="attachment" label="Attach a photo or screenshot (optional)" hint={ATTACHMENT_HINT} error={errors.attachment} accept={ATTACHMENT_ACCEPT} />
          <Button>Send your concern</Button>
        </form>
      </div>
    </div>
  );
}

export function ReceiptPage({ reference, receiptCode, due }: { reference: string; receiptCode: string; due: DueDates }) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <div class="nhsuk-panel">
          <h1 class="nhsuk-panel__heading">Your concern has been sent</h1>
          <div class="nhsuk-panel__body">
            Your reference is <strong>{reference}</strong>
          </div>
        </div>
        <h2>Your receipt code</h2>
        <p class="nhsuk-u-font-size-36 nhsuk-u-font-weight-bold" id="receipt-code">
          {receiptCode}
        </p>
        <WarningCallout heading="Write down or save your receipt code now">
          <p>
            This is the only time it is shown. Nobody, not even the Guardian, can look it up or send it to you again. Keep it somewhere only you can see, such as
            a note on your own phone.
          </p>
          <p>You need this receipt code and your passphrase to read replies and answer the Guardian’s questions.</p>
        </WarningCallout>
        <h2>What happens next</h2>
        <ul>
          <li>The Guardian will acknowledge your concern by {formatDate(due.acknowledgeBy)}.</li>
          <li>You will get first feedback by about {formatDate(due.feedbackBy)}.</li>
        </ul>
        <p>Come back to read replies and answer the Guardian’s questions: the Guardian can only reach you here unless you gave your name and contact details.</p>
        <p>
          <a href="/speak-up/follow-up">Read replies to your concern</a>
        </p>
      </div>
    </div>
  );
}

export function ReceiptGonePage() {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Your receipt can no longer be shown</h1>
        <p>To keep your concern safe, a receipt code is shown only once, straight after the concern is sent, and nobody can show it again.</p>
        <p>
          If you wrote your receipt code down, you can <a href="/speak-up/follow-up">read replies to your concern</a>.
        </p>
        <p>
          If you did not, your concern has still reached the Guardian. To follow it up, you can <a href="/speak-up/raise">raise a concern</a> again and mention
          the first one.
        </p>
      </div>
    </div>
  );
}
