import type { Child } from 'hono/jsx';

interface ChoiceProps {
  /** The field name; the first input's id, so the error summary's `#name` link lands on it. */
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
}

function inputId(name: string, index: number): string {
  return index === 0 ? name : `${name}-${index + 1}`;
}

function ChoiceGroup({ name, legend, hint, error, kind, children }: Omit<ChoiceProps, 'options'> & { kind: 'checkboxes' | 'radios'; children: Child }) {
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset class="nhsuk-fieldset" aria-describedby={describedBy}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
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
        <div class={`nhsuk-${kind}`} data-module={`nhsuk-${kind}`}>
          {children}
        </div>
      </fieldset>
    </div>
  );
}

/** nhsuk-frontend checkboxes: every ticked box submits `name=value`. */
export function Checkboxes({ checked, ...props }: ChoiceProps & { checked: readonly string[] }) {
  return (
    <ChoiceGroup {...props} kind="checkboxes">
      {props.options.map((option, index) => (
        <div class="nhsuk-checkboxes__item">
          <input
            class="nhsuk-checkboxes__input"
            id={inputId(props.name, index)}
            name={props.name}
            type="checkbox"
            value={option.value}
            checked={checked.includes(option.value)}
          />
          <label class="nhsuk-label nhsuk-checkboxes__label" for={inputId(props.name, index)}>
            {option.label}
          </label>
        </div>
      ))}
    </ChoiceGroup>
  );
}

export function Radios({ value, ...props }: ChoiceProps & { value: string | undefined }) {
  return (
    <ChoiceGroup {...props} kind="radios">
      {props.options.map((option, index) => (
        <div class="nhsuk-radios__item">
          <input class="nhsuk-radios__input" id={inputId(props.name, index)} name={props.name} type="radio" value={option.value} checked={option.value === value} />
          <label class="nhsuk-label nhsuk-radios__label" for={inputId(props.name, index)}>
            {option.label}
          </label>
        </div>
      ))}
    </ChoiceGroup>
  );
}
