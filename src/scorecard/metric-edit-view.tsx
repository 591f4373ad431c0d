import { Radios } from '#src/web/components/choices.tsx';
import { Breadcrumb } from '#src/web/components/content.tsx';
import { ErrorSummary } from '#src/web/components/error-summary.tsx';
import { Button, Input, PostForm, Textarea } from '#src/web/components/form.tsx';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';
import { axisLabel, minimumFor } from './format.ts';
import { minimumGroupSizeHint } from './forms.ts';
import type { MetricRow } from './store.ts';

const POLARITY_OPTIONS = [
  { value: 'increase', label: 'Higher is better' },
  { value: 'decrease', label: 'Lower is better' },
  { value: 'neutral', label: 'Neither: a change either way is worth a look' },
];

export function metricFormValues(metric: MetricRow): FormValues {
  return {
    name: metric.name,
    description: metric.description,
    target: metric.target === null ? '' : String(metric.target),
    minimumGroupSize: String(minimumFor(metric)?.size ?? metric.minimumGroupSize ?? ''),
    polarity: metric.polarity,
  };
}

export function MetricEditPage({ metric, csrfToken, errors, values }: { metric: MetricRow; csrfToken: string; errors: FieldErrors; values: FormValues }) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <Breadcrumb
          items={[
            { href: '/scorecard/metrics', text: 'Measures' },
            { href: `/scorecard/metrics/${metric.key}`, text: metric.name },
          ]}
        />
        <ErrorSummary errors={errors} />
        <h1>
          <span class="nhsuk-caption-l">Edit measure</span>
          {metric.name}
        </h1>
        <p>How the measure is computed is fixed in code. Every change here is recorded in the audit log.</p>
        <PostForm action={`/scorecard/metrics/${metric.key}/edit`} csrfToken={csrfToken}>
          <Input name="name" label="Name" value={values.name} error={errors.name} />
          <Textarea name="description" label="Description" value={values.description ?? ''} error={errors.description} />
          <Input
            name="target"
            label="Target (optional)"
            hint={`In the measure’s units (${axisLabel(metric.format).toLowerCase()}), for example 95. Leave blank for no target.`}
            value={values.target}
            error={errors.target}
            width={10}
          />
          <Input
            name="minimumGroupSize"
            label="Minimum group size"
            hint={minimumGroupSizeHint(metric.suppressionRule)}
            value={values.minimumGroupSize}
            error={errors.minimumGroupSize}
            width={4}
          />
          <Radios name="polarity" legend="Which direction is better?" choices={POLARITY_OPTIONS} value={values.polarity} error={errors.polarity} />
          <Button>Save measure</Button>
        </PostForm>
      </div>
    </div>
  );
}
