import type { FormValues } from '#src/web/forms.ts';

/**
 * nhsuk-frontend textarea and date input markup. Kept here until another feature needs them;
 * then they belong in src/web/components with a fixture parity test.
 */
function ErrorMessage({ id, error }: { id: string; error: string }) {
  return (
    <span class="nhsuk-error-message" id={id}>
      <span class="nhsuk-u-visually-hidden">Error: </span>
      {error}
    </span>
  );
}

interface TextareaProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value?: string | undefined;
  rows?: number;
}

export function Textarea({ name, label, hint, error, value, rows = 4 }: TextareaProps) {
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <label class="nhsuk-label" for={name}>
        {label}
      </label>
      {hint && (
        <div class="nhsuk-hint" id={`${name}-hint`}>
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={`${name}-error`} error={error} />}
      <textarea
        class={error ? 'nhsuk-textarea nhsuk-textarea--error' : 'nhsuk-textarea'}
        id={name}
        name={name}
        rows={rows}
        aria-describedby={describedBy || undefined}
      >
        {value ?? ''}
      </textarea>
    </div>
  );
}

const PARTS = [
  { part: 'day', label: 'Day', width: 2 },
  { part: 'month', label: 'Month', width: 2 },
  { part: 'year', label: 'Year', width: 4 },
] as const;

/**
 * Day, month and year fields named `<name>-day` …; the group has the id `<name>`, so the error
 * summary's `#<name>` link lands on it.
 */
export function DateInput({ name, legend, hint, error, values }: { name: string; legend: string; hint: string; error?: string | undefined; values: FormValues }) {
  const describedBy = [`${name}-hint`, error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset class="nhsuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <div class="nhsuk-hint" id={`${name}-hint`}>
          {hint}
        </div>
        {error && <ErrorMessage id={`${name}-error`} error={error} />}
        <div class="nhsuk-date-input" id={name}>
          {PARTS.map(({ part, label, width }) => (
            <div class="nhsuk-date-input__item">
              <div class="nhsuk-form-group">
                <label class="nhsuk-label nhsuk-date-input__label" for={`${name}-${part}`}>
                  {label}
                </label>
                <input
                  class={`nhsuk-input nhsuk-input--width-${width} nhsuk-date-input__input${error ? ' nhsuk-input--error' : ''}`}
                  id={`${name}-${part}`}
                  name={`${name}-${part}`}
                  type="text"
                  inputmode="numeric"
                  value={values[`${name}-${part}`]}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
