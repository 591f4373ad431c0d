import { InsetText } from '#src/web/components/content.tsx';
import { Button, PostForm, Select, Textarea } from '#src/web/components/form.tsx';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';
import { Checkboxes, Radios } from '#src/web/components/choices.tsx';
import type { TriageValues } from './forms.ts';
import type { TriageOptions } from './present.ts';

interface FormProps {
  action: string;
  csrfToken: string;
  errors: FieldErrors;
  values: FormValues;
}

export function AcknowledgeForm({ action, csrfToken }: Pick<FormProps, 'action' | 'csrfToken'>) {
  return (
    <PostForm action={action} csrfToken={csrfToken}>
      <p>Acknowledging records today as the day the concern was acknowledged, without sending the reporter anything. Replying to the reporter acknowledges the case too.</p>
      <Button>Acknowledge case</Button>
    </PostForm>
  );
}

export function MessageForm({ action, csrfToken, errors, values, notified }: FormProps & { notified: boolean }) {
  return (
    <PostForm action={action} csrfToken={csrfToken}>
      <Textarea
        name="message"
        label="Message to the reporter"
        hint={
          notified
            ? 'The reporter will be told by email that a reply is waiting. They read it with their receipt code and passphrase.'
            : 'The reporter reads it when they next check back with their receipt code and passphrase.'
        }
        value={values.message}
        error={errors.message}
        rows={6}
      />
      <Button>Send message</Button>
    </PostForm>
  );
}

export function NoteForm({ action, csrfToken, errors, values }: FormProps) {
  return (
    <PostForm action={action} csrfToken={csrfToken}>
      <Textarea
        name="note"
        label="Internal note"
        hint="Only the Guardian and the investigator the case is referred to can read notes. The reporter cannot see them."
        value={values.note}
        error={errors.note}
        rows={4}
      />
      <Button variant="secondary">Add internal note</Button>
    </PostForm>
  );
}

export function TriageForm({ action, csrfToken, errors, values, options }: Omit<FormProps, 'values'> & { values: TriageValues; options: TriageOptions }) {
  return (
    <PostForm action={action} csrfToken={csrfToken}>
      <Checkboxes
        name="categories"
        legend="Categories"
        hint="Select all that apply. Patient safety is recorded by selecting “Patient safety or quality”."
        choices={options.categories}
        values={values.categories}
        error={errors.categories}
      />
      <Select
        name="workerGroup"
        label="Worker group of the person speaking up (optional)"
        hint="Leave it unrecorded if it could tell people who spoke up."
        options={[{ value: '', text: 'Not recorded' }, ...options.workerGroups.map((group) => ({ value: group, text: group }))]}
        value={values.workerGroup}
        error={errors.workerGroup}
      />
      <Radios
        name="urgency"
        legend="Urgency"
        hint="Urgent cases come first in the inbox."
        choices={[
          { value: 'routine', label: 'Routine' },
          { value: 'urgent', label: 'Urgent' },
        ]}
        value={values.urgency}
        error={errors.urgency}
      />
      <Select
        name="unitId"
        label="Where"
        hint="The directorate or area the concern is about. Reports never show a team on its own."
        options={[{ value: '', text: 'Not given' }, ...options.units.map((unit) => ({ value: String(unit.id), text: unit.name }))]}
        value={values.unitId}
        error={errors.unitId}
      />
      <Radios
        name="detrimentIndicated"
        legend="Did the reporter say they had suffered detriment for speaking up?"
        choices={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        value={values.detrimentIndicated}
        error={errors.detrimentIndicated}
      />
      <Button variant="secondary">Save triage</Button>
    </PostForm>
  );
}

export function ReferForm({ action, csrfToken, errors, values, investigators }: FormProps & { investigators: { id: number; displayName: string }[] }) {
  if (investigators.length === 0) {
    return <p>Nobody holds the investigator role yet. An administrator can grant it to the person who will look into this concern.</p>;
  }
  return (
    <PostForm action={action} csrfToken={csrfToken}>
      <Select
        name="investigator"
        label="Investigator"
        hint="They see the concern, the messages and the internal notes, and can add notes. They never see the reporter’s name or contact details. Choose No investigator to take the case back."
        options={[{ value: '', text: 'No investigator' }, ...investigators.map((investigator) => ({ value: String(investigator.id), text: investigator.displayName }))]}
        value={values.investigator}
        error={errors.investigator}
      />
      <Button variant="secondary">Save referral</Button>
    </PostForm>
  );
}

export function CloseForm({ action, csrfToken, errors, values, asksReporter }: FormProps & { asksReporter: boolean }) {
  return (
    <PostForm action={action} csrfToken={csrfToken}>
      {asksReporter && (
        <InsetText>
          <p>
            When you close the case, the reporter is asked when they next check back: “Given your experience, would you speak up again?” and
            whether they have suffered detriment since speaking up. Any address they gave for reply notices is deleted.
          </p>
        </InsetText>
      )}
      <Textarea name="outcome" label="Outcome" hint="What was found and what was done about it." value={values.outcome} error={errors.outcome} rows={5} />
      <Textarea
        name="lessons"
        label="Lessons learned (optional)"
        hint="What the trust should learn from this concern."
        value={values.lessons}
        error={errors.lessons}
        rows={4}
      />
      <Button variant="secondary">Close case</Button>
    </PostForm>
  );
}
