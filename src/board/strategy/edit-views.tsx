import type { Child } from 'hono/jsx';
import { formatPeriodLong, formatValue } from '#src/scorecard/format.ts';
import { Breadcrumb, SummaryList, Table } from '#src/web/components/content.tsx';
import { ErrorSummary } from '#src/web/components/error-summary.tsx';
import { Button, Input, PostForm, Select, Textarea } from '#src/web/components/form.tsx';
import { SuccessBanner } from '#src/web/components/notification-banner.tsx';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';
import type { StrategyView } from './strategy-view.ts';

export const EDIT_PATH = '/board/strategy/edit';

const SAVED_MESSAGES: Record<string, string> = {
  strategy: 'Vision saved.',
  value: 'Value saved.',
  objective: 'Objective saved.',
  priority: 'Priority saved.',
  measure: 'Success measure saved.',
  'board-metric': 'Board metric saved.',
  removed: 'Removed.',
};

/** A table of things, or a line saying there are none yet. */
function TableOrNone(props: Parameters<typeof Table>[0] & { none: string }) {
  return props.rows.length === 0 ? <p>{props.none}</p> : <Table {...props} />;
}

function ChangeLink({ href, text, hidden }: { href: string; text: string; hidden: string }) {
  return (
    <a href={href}>
      {text}
      <span class="nhsuk-u-visually-hidden"> {hidden}</span>
    </a>
  );
}

export function EditStrategyPage({ view, saved }: { view: StrategyView; saved: string | undefined }) {
  const message = saved ? SAVED_MESSAGES[saved] : undefined;
  return (
    <>
      <Breadcrumb items={[{ href: '/board/strategy', text: 'Strategy' }]} />
      {message && <SuccessBanner heading={message} />}
      <h1>Edit the strategy</h1>
      <p>Changes show on the strategy pages straight away and are recorded in the audit log.</p>

      <h2>Vision</h2>
      {view.strategy ? (
        <SummaryList
          rows={[
            { key: 'Title', value: view.strategy.title },
            { key: 'Years', value: view.strategy.period },
            { key: 'Vision', value: view.strategy.vision },
          ]}
        />
      ) : (
        <p>No vision yet.</p>
      )}
      <p>
        <a href="/board/strategy/vision">{view.strategy ? 'Change the title, years and vision' : 'Add the title, years and vision'}</a>
      </p>

      <h2>Values</h2>
      <TableOrNone
        none="No values yet."
        caption="Values"
        captionSize="s"
        head={[{ text: 'Value' }, { text: 'What it means' }, { text: 'Action' }]}
        rows={view.values.map((value) => [value.name, value.description, <ChangeLink href={`/board/strategy/values/${value.id}`} text="Change" hidden={`value ${value.name}`} />])}
      />
      <p>
        <a href="/board/strategy/values/new">Add a value</a>
      </p>

      <h2>Objectives</h2>
      {view.objectives.map((objective) => {
        const name = `objective ${objective.number}`;
        return (
          <section aria-labelledby={`objective-${objective.id}`}>
            <h3 id={`objective-${objective.id}`}>
              Objective {objective.number}: {objective.title}
            </h3>
            <p>{objective.commitment}</p>
            <p>
              <ChangeLink href={`/board/strategy/objectives/${objective.id}`} text="Change or remove" hidden={name} />
            </p>
            <TableOrNone
              none="No priorities yet."
              caption={`Priorities for ${name}`}
              captionSize="s"
              head={[{ text: 'Priority' }, { text: 'Action' }]}
              rows={objective.priorities.map((p, i) => [p.text, <ChangeLink href={`/board/strategy/priorities/${p.id}`} text="Change" hidden={`priority ${i + 1} of ${name}`} />])}
            />
            <p>
              <a href={`/board/strategy/objectives/${objective.id}/priorities/new`}>
                Add a priority<span class="nhsuk-u-visually-hidden"> to {name}</span>
              </a>
            </p>
            <TableOrNone
              none="No success measures yet."
              caption={`Success measures for ${name}`}
              captionSize="s"
              head={[{ text: 'Measure' }, { text: 'Metric, baseline and target' }, { text: 'Action' }]}
              rows={objective.measures.map((m, i) => [
                m.description,
                m.metric && m.baseline && m.target
                  ? `${m.metric.name}: ${formatValue(m.metric.format, m.baseline.value)} in ${formatPeriodLong(m.baseline.period)} to ${formatValue(m.metric.format, m.target.value)} by ${formatPeriodLong(m.target.period)}`
                  : 'No metric',
                <ChangeLink href={`/board/strategy/measures/${m.id}`} text="Change" hidden={`success measure ${i + 1} of ${name}`} />,
              ])}
            />
            <p>
              <a href={`/board/strategy/objectives/${objective.id}/measures/new`}>
                Add a success measure<span class="nhsuk-u-visually-hidden"> to {name}</span>
              </a>
            </p>
            <TableOrNone
              none="No board metrics yet."
              caption={`Board report metrics for ${name}`}
              captionSize="s"
              head={[{ text: 'Metric' }, { text: 'Owner' }, { text: 'Action' }]}
              rows={objective.boardMetrics.map((b) => [b.name, b.owner, <ChangeLink href={`/board/strategy/board-metrics/${b.id}`} text="Change" hidden={`board metric ${b.name}`} />])}
            />
            <p>
              <a href={`/board/strategy/objectives/${objective.id}/board-metrics/new`}>
                Add a board metric<span class="nhsuk-u-visually-hidden"> to {name}</span>
              </a>
            </p>
          </section>
        );
      })}
      <p>
        <a href="/board/strategy/objectives/new">Add an objective</a>
      </p>
    </>
  );
}

interface FormPageProps {
  title: string;
  /** Where the form posts (the page's own address). */
  action: string;
  csrfToken: string;
  errors: FieldErrors;
  children: Child;
  /** Where removing posts, for something that exists; with what removing it also takes away. */
  remove?: { action: string; label: string; warning?: string | undefined };
}

/** One thing being edited: its fields, Save, and for an existing thing a separate Remove form. */
export function FormPage({ title, action, csrfToken, errors, children, remove }: FormPageProps) {
  return (
    <>
      <Breadcrumb items={[{ href: '/board/strategy', text: 'Strategy' }, { href: EDIT_PATH, text: 'Edit the strategy' }]} />
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <PostForm action={action} csrfToken={csrfToken}>
        {children}
        <Button>Save</Button>
      </PostForm>
      {remove && (
        <>
          <h2>{remove.label}</h2>
          {remove.warning && <p>{remove.warning}</p>}
          <PostForm action={remove.action} csrfToken={csrfToken}>
            <Button variant="warning">{remove.label}</Button>
          </PostForm>
        </>
      )}
    </>
  );
}

interface FieldsProps {
  values: FormValues;
  errors: FieldErrors;
}

export function StrategyFields({ values, errors }: FieldsProps) {
  return (
    <>
      <Input name="title" label="Title" hint="For example, Our strategy for the next five years" value={values.title} error={errors.title} />
      <Input name="period" label="Years it covers" hint="For example, 2021–2026" value={values.period} error={errors.period} width={10} />
      <Textarea name="vision" label="Vision" value={values.vision} error={errors.vision} rows={4} />
    </>
  );
}

export function ValueFields({ values, errors }: FieldsProps) {
  return (
    <>
      <Input name="name" label="Value" hint="One or two words, like Compassion" value={values.name} error={errors.name} width={20} />
      <Textarea name="description" label="What it means" value={values.description} error={errors.description} rows={4} />
    </>
  );
}

export function ObjectiveFields({ values, errors }: FieldsProps) {
  return (
    <>
      <Input name="title" label="Objective" hint="For example, A great place to work for all" value={values.title} error={errors.title} />
      <Input
        name="commitment"
        label="Commitment"
        hint="The line under the objective, like Creating the best environment for staff to flourish"
        value={values.commitment}
        error={errors.commitment}
      />
    </>
  );
}

export function PriorityFields({ values, errors }: FieldsProps) {
  return <Textarea name="text" label="Priority" value={values.text} error={errors.text} rows={3} />;
}

type Options = { value: string; text: string }[];

export function MeasureFields({ values, errors, metrics }: FieldsProps & { metrics: Options }) {
  const periodHint = 'A month like 2021-03, or a year like 2021 for a staff survey result';
  return (
    <>
      <Textarea name="description" label="How we will know we have been successful" value={values.description} error={errors.description} rows={3} />
      <Select
        name="metricKey"
        label="Metric"
        hint="The scorecard metric that measures it. Leave it as no metric for a measure Vitals cannot track."
        value={values.metricKey}
        error={errors.metricKey}
        options={[{ value: '', text: 'No metric' }, ...metrics]}
      />
      <p>With a metric, give its baseline and target in the units the scorecard shows: 10.7 for 10.7%, 7.5 for 7.5 minutes.</p>
      <Input name="baselineValue" label="Baseline value" value={values.baselineValue} error={errors.baselineValue} width={5} />
      <Input name="baselinePeriod" label="Baseline period" hint={periodHint} value={values.baselinePeriod} error={errors.baselinePeriod} width={5} />
      <Input name="targetValue" label="Target value" value={values.targetValue} error={errors.targetValue} width={5} />
      <Input name="targetPeriod" label="Target period" hint={`The month or year the target should be met by. ${periodHint}`} value={values.targetPeriod} error={errors.targetPeriod} width={5} />
    </>
  );
}

export function BoardMetricFields({ values, errors, metrics, objectives }: FieldsProps & { metrics: Options; objectives: Options }) {
  return (
    <>
      <Select name="objectiveId" label="Objective" value={values.objectiveId} error={errors.objectiveId} options={objectives} />
      <Select
        name="metricKey"
        label="Metric"
        hint="A metric is under one objective only."
        value={values.metricKey}
        error={errors.metricKey}
        options={[{ value: '', text: 'Choose a metric' }, ...metrics]}
      />
      <Input name="owner" label="Owner" hint="The executive who writes the commentary, like Director of People" value={values.owner} error={errors.owner} />
    </>
  );
}
