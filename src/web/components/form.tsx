import type { Child } from 'hono/jsx';
import type { FormValues } from '#src/web/forms.ts';

interface FieldProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

function describedBy(name: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function HintAndError({ name, hint, error }: Omit<FieldProps, 'label'>) {
  return (
    <>
      {hint && (
        <div class="nhsuk-hint" id={`${name}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <span class="nhsuk-error-message" id={`${name}-error`}>
          <span class="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </span>
      )}
    </>
  );
}

/** The nhsuk form group around one field: its label, hint and error message. */
function FormGroup({ name, label, hint, error, children }: FieldProps & { children: Child }) {
  return (
    <div class={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <label class="nhsuk-label" for={name}>
        {label}
      </label>
      <HintAndError name={name} hint={hint} error={error} />
      {children}
    </div>
  );
}

interface InputProps extends FieldProps {
  value?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'number' | 'search';
  autocomplete?: string;
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  spellcheck?: boolean;
}

export function Input({ name, label, hint, error, value, type = 'text', autocomplete, width, spellcheck }: InputProps) {
  const classes = ['nhsuk-input', error ? 'nhsuk-input--error' : '', width ? `nhsuk-input--width-${width}` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <FormGroup name={name} label={label} hint={hint} error={error}>
      <input
        class={classes}
        id={name}
        name={name}
        type={type}
        value={value}
        autocomplete={autocomplete}
        spellcheck={spellcheck}
        aria-describedby={describedBy(name, hint, error)}
      />
    </FormGroup>
  );
}

interface TextareaProps extends FieldProps {
  value?: string | undefined;
  rows?: number;
}

export function Textarea({ name, label, hint, error, value, rows = 5 }: TextareaProps) {
  return (
    <FormGroup name={name} label={label} hint={hint} error={error}>
      <textarea
        class={error ? 'nhsuk-textarea nhsuk-textarea--error' : 'nhsuk-textarea'}
        id={name}
        name={name}
        rows={rows}
        aria-describedby={describedBy(name, hint, error)}
      >
        {value ?? ''}
      </textarea>
    </FormGroup>
  );
}

const DATE_PARTS = [
  { part: 'day', label: 'Day', width: 2 },
  { part: 'month', label: 'Month', width: 2 },
  { part: 'year', label: 'Year', width: 4 },
] as const;

interface DateInputProps extends Omit<FieldProps, 'label'> {
  legend: string;
  legendSize?: 's' | 'm' | 'l';
  /** Holds the parts under `<name>-day`, `<name>-month` and `<name>-year`. */
  values: FormValues;
}

/**
 * Day, month and year fields named `<name>-day` …; the group has the id `<name>`, so the error
 * summary's `#<name>` link lands on it.
 */
export function DateInput({ name, legend, legendSize, hint, error, values }: DateInputProps) {
  const partClasses = (width: number) =>
    ['nhsuk-input', error ? 'nhsuk-input--error' : '', `nhsuk-input--width-${width}`, 'nhsuk-date-input__input'].filter(Boolean).join(' ');
  return (
    <div class={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset class="nhsuk-fieldset" role="group" aria-describedby={describedBy(name, hint, error)}>
        <legend class={legendSize ? `nhsuk-fieldset__legend nhsuk-fieldset__legend--${legendSize}` : 'nhsuk-fieldset__legend'}>{legend}</legend>
        <HintAndError name={name} hint={hint} error={error} />
        <div class="nhsuk-date-input" id={name}>
          {DATE_PARTS.map(({ part, label, width }) => (
            <div class="nhsuk-date-input__item">
              <div class={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
                <label class="nhsuk-label nhsuk-date-input__label" for={`${name}-${part}`}>
                  {label}
                </label>
                <input
                  class={partClasses(width)}
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

interface SelectProps extends FieldProps {
  options: { value: string; text: string }[];
  value?: string | undefined;
}

export function Select({ name, label, hint, error, options, value }: SelectProps) {
  return (
    <FormGroup name={name} label={label} hint={hint} error={error}>
      <select
        class={error ? 'nhsuk-select nhsuk-select--error' : 'nhsuk-select'}
        id={name}
        name={name}
        aria-describedby={describedBy(name, hint, error)}
      >
        {options.map((option) => (
          <option value={option.value} selected={option.value === value}>
            {option.text}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}

export function Button({ children, variant, small = false }: { children: Child; variant?: 'secondary' | 'warning'; small?: boolean }) {
  const classes = ['nhsuk-button', variant ? `nhsuk-button--${variant}` : '', small ? 'nhsuk-button--small' : ''].filter(Boolean).join(' ');
  return (
    <button class={classes} data-module="nhsuk-button" type="submit">
      {children}
    </button>
  );
}

/** A POST form with the CSRF field every unsafe request needs. */
export function PostForm({ action, csrfToken, children }: { action: string; csrfToken: string; children: Child }) {
  return (
    <form method="post" action={action} novalidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {children}
    </form>
  );
}
