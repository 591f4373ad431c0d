import type { Child } from 'hono/jsx';

/**
 * nhsuk-frontend radios, checkboxes, file upload and warning callout. As in the design system, the
 * first item's id is the field name, so the error summary's `#name` link lands on it.
 */

interface Choice {
  value: string;
  label: string;
  hint?: string | undefined;
}

interface ChoicesProps {
  name: string;
  legend: string;
  legendSize?: 's' | 'm';
  hint?: string | undefined;
  error?: string | undefined;
  choices: readonly Choice[];
  inline?: boolean;
}

const itemId = (name: string, index: number) => (index === 0 ? name : `${name}-${index + 1}`);

function describedBy(name: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function ErrorMessage({ name, error }: { name: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <span class="nhsuk-error-message" id={`${name}-error`}>
      <span class="nhsuk-u-visually-hidden">Error: </span>
      {error}
    </span>
  );
}

function Fieldset({ name, legend, legendSize = 's', hint, error, children }: Omit<ChoicesProps, 'choices'> & { children: Child }) {
  return (
    <div class={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset class="nhsuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend class={`nhsuk-fieldset__legend nhsuk-fieldset__legend--${legendSize}`}>{legend}</legend>
        {hint && (
          <div class="nhsuk-hint" id={`${name}-hint`}>
            {hint}
          </div>
        )}
        <ErrorMessage name={name} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

export function Radios({ value, inline = false, ...props }: ChoicesProps & { value: string | undefined }) {
  const { name, choices } = props;
  return (
    <Fieldset {...props}>
      <div class={inline ? 'nhsuk-radios nhsuk-radios--inline' : 'nhsuk-radios'} data-module="nhsuk-radios">
        {choices.map((choice, index) => (
          <div class="nhsuk-radios__item">
            <input
              class="nhsuk-radios__input"
              id={itemId(name, index)}
              name={name}
              type="radio"
              value={choice.value}
              checked={choice.value === value}
              aria-describedby={choice.hint ? `${itemId(name, index)}-item-hint` : undefined}
            />
            <label class="nhsuk-label nhsuk-radios__label" for={itemId(name, index)}>
              {choice.label}
            </label>
            {choice.hint && (
              <div class="nhsuk-hint nhsuk-radios__hint" id={`${itemId(name, index)}-item-hint`}>
                {choice.hint}
              </div>
            )}
          </div>
        ))}
      </div>
    </Fieldset>
  );
}

export function Checkboxes({ values, ...props }: ChoicesProps & { values: readonly string[] }) {
  const { name, choices } = props;
  return (
    <Fieldset {...props}>
      <div class="nhsuk-checkboxes" data-module="nhsuk-checkboxes">
        {choices.map((choice, index) => (
          <div class="nhsuk-checkboxes__item">
            <input class="nhsuk-checkboxes__input" id={itemId(name, index)} name={name} type="checkbox" value={choice.value} checked={values.includes(choice.value)} />
            <label class="nhsuk-label nhsuk-checkboxes__label" for={itemId(name, index)}>
              {choice.label}
            </label>
          </div>
        ))}
      </div>
    </Fieldset>
  );
}

/** A plain file input (no drop zone script), so it works the same with and without JavaScript. */
export function FileUpload({ name, label, hint, error, accept }: { name: string; label: string; hint?: string; error?: string | undefined; accept: string }) {
  return (
    <div class={error ? 'nhsuk-form-group nhsuk-form-group--error nhsuk-file-upload' : 'nhsuk-form-group nhsuk-file-upload'}>
      <label class="nhsuk-label" for={name}>
        {label}
      </label>
      {hint && (
        <div class="nhsuk-hint" id={`${name}-hint`}>
          {hint}
        </div>
      )}
      <ErrorMessage name={name} error={error} />
      <input
        class="nhsuk-file-upload__input"
        id={name}
        name={name}
        type="file"
        accept={accept}
        aria-describedby={describedBy(name, hint, error)}
      />
    </div>
  );
}

export function WarningCallout({ heading, children }: { heading: string; children: Child }) {
  return (
    <div class="nhsuk-card nhsuk-card--warning">
      <div class="nhsuk-card__content">
        <h2 class="nhsuk-card__heading">
          <span role="text">
            <span class="nhsuk-u-visually-hidden">Important: </span>
            {heading}
          </span>
        </h2>
        {children}
      </div>
    </div>
  );
}
