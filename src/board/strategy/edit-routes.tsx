import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { recordAudit } from '#src/auth/audit.ts';
import { requires } from '#src/auth/guard.ts';
import type { AppEnv } from '#src/web/env.ts';
import { notFound } from '#src/web/errors.ts';
import { parseForm, type FieldErrors, type FormValues } from '#src/web/forms.ts';
import { renderPage } from '#src/web/render.tsx';
import { isoDate } from '#src/web/today.ts';
import {
  BoardMetricFields,
  EDIT_PATH,
  EditStrategyPage,
  FormPage,
  MeasureFields,
  ObjectiveFields,
  PriorityFields,
  StrategyFields,
  ValueFields,
} from './edit-views.tsx';
import { ObjectiveSchema, parseBoardMetric, parseMeasure, PrioritySchema, StrategySchema, ValueSchema } from './forms.ts';
import {
  deleteBoardMetric,
  deleteMeasure,
  deleteObjective,
  deletePriority,
  deleteValue,
  findBoardMetric,
  findBoardMetricByKey,
  findMeasure,
  findObjective,
  findPriority,
  findStrategy,
  findValue,
  insertBoardMetric,
  insertMeasure,
  insertObjective,
  insertPriority,
  insertValue,
  listBoardMetrics,
  listCatalogueMetrics,
  listMeasures,
  listObjectives,
  listPriorities,
  saveStrategy,
  updateBoardMetric,
  updateMeasure,
  updateObjective,
  updatePriority,
  updateValue,
  type BoardMetricRow,
  type MeasureRow,
} from './store.ts';
import { loadStrategyView } from './strategy-view.ts';
import { trustUnitId } from './trust-unit.ts';

type What = 'strategy' | 'value' | 'objective' | 'priority' | 'measure' | 'board-metric';
type Change = 'added' | 'changed' | 'removed';

function idParam(c: Context<AppEnv>, name: string): number {
  const id = Number(c.req.param(name));
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

async function found<T>(row: Promise<T | undefined>): Promise<T> {
  const value = await row;
  if (value === undefined) throw notFound();
  return value;
}

async function formValues(c: Context<AppEnv>): Promise<FormValues> {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(await c.req.parseBody())) {
    if (typeof value === 'string' && key !== '_csrf') values[key] = value;
  }
  return values;
}

/** Records the change and goes back to the editing page with its banner. */
async function saved(c: Context<AppEnv>, what: What, id: number, change: Change) {
  await recordAudit(
    c.get('database').db,
    { actorAccountId: c.get('principal')?.accountId ?? null, action: 'strategy.updated', subject: `${what}:${id}`, detail: { what, id, change } },
    c.get('clock')(),
  );
  return c.redirect(`${EDIT_PATH}?saved=${change === 'removed' ? 'removed' : what}`, 303);
}

interface FormOptions {
  title: string;
  errors?: FieldErrors;
  remove?: { action: string; label: string; warning?: string | undefined };
}

function showForm(c: Context<AppEnv>, { title, errors = {}, remove }: FormOptions, fields: Child) {
  const hasErrors = Object.keys(errors).length > 0;
  return renderPage(
    c,
    title,
    <FormPage title={title} action={c.req.path} csrfToken={c.get('csrfToken')} errors={errors} remove={remove}>
      {fields}
    </FormPage>,
    { status: hasErrors ? 400 : 200, hasErrors },
  );
}

const asText = (value: number | null) => (value === null ? '' : String(value));

function measureValues(row: MeasureRow): FormValues {
  return {
    description: row.description,
    metricKey: row.metricKey ?? '',
    baselineValue: asText(row.baselineValue),
    baselinePeriod: row.baselinePeriod ?? '',
    targetValue: asText(row.targetValue),
    targetPeriod: row.targetPeriod ?? '',
  };
}

async function metricOptions(c: Context<AppEnv>) {
  const metrics = await listCatalogueMetrics(c.get('database').db);
  return { keys: new Set(metrics.map((m) => m.key)), options: metrics.map((m) => ({ value: m.key, text: m.name })), names: new Map(metrics.map((m) => [m.key, m.name])) };
}

async function objectiveOptions(c: Context<AppEnv>) {
  const objectives = await listObjectives(c.get('database').db);
  return {
    ids: new Set(objectives.map((o) => o.id)),
    options: objectives.map((o, i) => ({ value: String(o.id), text: `Objective ${i + 1}: ${o.title}` })),
  };
}

async function showMeasureForm(c: Context<AppEnv>, title: string, values: FormValues, errors: FieldErrors = {}, remove?: FormOptions['remove']) {
  const { options } = await metricOptions(c);
  return showForm(c, { title, errors, remove }, <MeasureFields values={values} errors={errors} metrics={options} />);
}

async function showBoardMetricForm(c: Context<AppEnv>, title: string, values: FormValues, errors: FieldErrors = {}, remove?: FormOptions['remove']) {
  const [metrics, objectives] = await Promise.all([metricOptions(c), objectiveOptions(c)]);
  return showForm(c, { title, errors, remove }, <BoardMetricFields values={values} errors={errors} metrics={metrics.options} objectives={objectives.options} />);
}

/** Validates a board metric, including that its metric is not already under another objective. */
async function readBoardMetric(c: Context<AppEnv>, values: FormValues, current: BoardMetricRow | undefined) {
  const [metrics, objectives] = await Promise.all([metricOptions(c), objectiveOptions(c)]);
  const form = parseBoardMetric(values, objectives.ids, metrics.keys);
  if (!form.ok) return form;
  const holder = await findBoardMetricByKey(c.get('database').db, form.data.metricKey);
  if (holder && holder.id !== current?.id) {
    const under = objectives.options.find((o) => o.value === String(holder.objectiveId))?.text ?? 'another objective';
    return { ok: false as const, errors: { metricKey: `${metrics.names.get(form.data.metricKey) ?? form.data.metricKey} is already under ${under}: change it there, or choose another metric` } };
  }
  return form;
}

const boardMetricValues = (row: BoardMetricRow): FormValues => ({ objectiveId: String(row.objectiveId), metricKey: row.metricKey, owner: row.owner });

const removing = (path: string, label: string, warning?: string) => ({ action: `${path}/remove`, label, warning });

export const editRoutes = new Hono<AppEnv>()
  .get('/edit', requires('strategy.edit'), async (c) => {
    const asOf = isoDate(c.get('clock')()).slice(0, 7);
    const view = await loadStrategyView(c.get('database').db, trustUnitId(await c.get('orgTree')()), asOf);
    return renderPage(c, 'Edit the strategy', <EditStrategyPage view={view} saved={c.req.query('saved')} />);
  })

  .get('/vision', requires('strategy.edit'), async (c) => {
    const strategy = await findStrategy(c.get('database').db);
    const values: FormValues = strategy ? { title: strategy.title, vision: strategy.vision, period: strategy.period } : {};
    return showForm(c, { title: 'Title, years and vision' }, <StrategyFields values={values} errors={{}} />);
  })
  .post('/vision', requires('strategy.edit'), async (c) => {
    const form = parseForm(StrategySchema, await c.req.parseBody());
    if (!form.ok) return showForm(c, { title: 'Title, years and vision', errors: form.errors }, <StrategyFields values={form.values} errors={form.errors} />);
    const db = c.get('database').db;
    const existed = (await findStrategy(db)) !== undefined;
    const id = await saveStrategy(db, form.data, c.get('principal')?.accountId ?? null, c.get('clock')());
    return saved(c, 'strategy', id, existed ? 'changed' : 'added');
  })

  .get('/values/new', requires('strategy.edit'), (c) => showForm(c, { title: 'Add a value' }, <ValueFields values={{}} errors={{}} />))
  .post('/values/new', requires('strategy.edit'), async (c) => {
    const form = parseForm(ValueSchema, await c.req.parseBody());
    if (!form.ok) return showForm(c, { title: 'Add a value', errors: form.errors }, <ValueFields values={form.values} errors={form.errors} />);
    return saved(c, 'value', await insertValue(c.get('database').db, form.data), 'added');
  })
  .get('/values/:valueId', requires('strategy.edit'), async (c) => {
    const value = await found(findValue(c.get('database').db, idParam(c, 'valueId')));
    return showForm(c, { title: `Change the value ${value.name}`, remove: removing(c.req.path, 'Remove this value') }, <ValueFields values={{ name: value.name, description: value.description }} errors={{}} />);
  })
  .post('/values/:valueId', requires('strategy.edit'), async (c) => {
    const db = c.get('database').db;
    const value = await found(findValue(db, idParam(c, 'valueId')));
    const form = parseForm(ValueSchema, await c.req.parseBody());
    if (!form.ok) {
      return showForm(c, { title: `Change the value ${value.name}`, errors: form.errors, remove: removing(c.req.path, 'Remove this value') }, <ValueFields values={form.values} errors={form.errors} />);
    }
    await updateValue(db, value.id, form.data);
    return saved(c, 'value', value.id, 'changed');
  })
  .post('/values/:valueId/remove', requires('strategy.edit'), async (c) => {
    const db = c.get('database').db;
    const value = await found(findValue(db, idParam(c, 'valueId')));
    await deleteValue(db, value.id);
    return saved(c, 'value', value.id, 'removed');
  })

  .get('/objectives/new', requires('strategy.edit'), (c) => showForm(c, { title: 'Add an objective' }, <ObjectiveFields values={{}} errors={{}} />))
  .post('/objectives/new', requires('strategy.edit'), async (c) => {
    const form = parseForm(ObjectiveSchema, await c.req.parseBody());
    if (!form.ok) return showForm(c, { title: 'Add an objective', errors: form.errors }, <ObjectiveFields values={form.values} errors={form.errors} />);
    return saved(c, 'objective', await insertObjective(c.get('database').db, form.data), 'added');
  })
  .get('/objectives/:objectiveId', requires('strategy.edit'), async (c) => {
    const objective = await found(findObjective(c.get('database').db, idParam(c, 'objectiveId')));
    return showForm(c, { title: 'Change an objective', remove: await removeObjective(c, objective.id) }, <ObjectiveFields values={{ title: objective.title, commitment: objective.commitment }} errors={{}} />);
  })
  .post('/objectives/:objectiveId', requires('strategy.edit'), async (c) => {
    const db = c.get('database').db;
    const objective = await found(findObjective(db, idParam(c, 'objectiveId')));
    const form = parseForm(ObjectiveSchema, await c.req.parseBody());
    if (!form.ok) {
      return showForm(c, { title: 'Change an objective', errors: form.errors, remove: await removeObjective(c, objective.id) }, <ObjectiveFields values={form.values} errors={form.errors} />);
    }
    await updateObjective(db, objective.id, form.data);
    return saved(c, 'objective', objective.id, 'changed');
  })
  .post('/objectives/:objectiveId/remove', requires('strategy.edit'), async (c) => {
    const db = c.get('database').db;
    const objective = await found(findObjective(db, idParam(c, 'objectiveId')));
    await deleteObjective(db, objective.id);
    return saved(c, 'objective', objective.id, 'removed');
  })

  .get('/objectives/:objectiveId/priorities/new', requires('strategy.edit'), async (c) => {
    await found(findObjective(c.get('database').db, idParam(c, 'objectiveId')));
    return showForm(c, { title: 'Add a priority' }, <PriorityFields values={{}} errors={{}} />);
  })
  .post('/objectives/:objectiveId/priorities/new', requires('strategy.edit'), async (c) => {
    const db = c.get('database').db;
    const objective = await found(findObjective(db, idParam(c, 'objectiveId')));
    const form = parseForm(PrioritySchema, await c.req.parseBody());
    if (!form.ok) return showForm(c, { title: 'Add a priority', errors: form.errors }, <PriorityFields values={form.values} errors={form.errors} />);
    return saved(c, 'priority', await insertPriority(db, objective.id, form.data.text), 'added');
  })
  .get('/priorities/:priorityId', requires('strategy.edit'), async (c) => {
    const priority = await found(findPriority(c.get('database').db, idParam(c, 'priorityId')));
    return showForm(c, { title: 'Change a priority', remove: removing(c.req.path, 'Remove this priority') }, <PriorityFields values={{ text: priority.text }} errors={{}} />);
  })
  .post('/priorities/:priorityId', requires('strategy.edit'), async (c) => {
    const db = c.get('database').db;
    const priority = await found(findPriority(db, idParam(c, 'priorityId')));
    const form = parseForm(PrioritySchema, await c.req.parseBody());
    if (!form.ok) {
      return showForm(c, { title: 'Change a priority', errors: form.errors, remove: removing(c.req.path, 'Remove this priority') }, <PriorityFields values={form.values} errors={form.errors} />);
    }
    await updatePriority(db, priority.id, form.data.text);
    return saved(c, 'priority', priority.id, 'changed');
  })
  .post('/priorities/:priorityId/remove', requires('strategy.edit'), async (c) => {
    const db = c.get('database').db;
    const priority = await found(findPriority(db, idParam(c, 'priorityId')));
    await deletePriority(db, priority.id);
    return saved(c, 'priority', priority.id, 'removed');
  })

  .get('/objectives/:objectiveId/measures/new', requires('strategy.edit'), async (c) => {
    await found(findObjective(c.get('database').db, idParam(c, 'objectiveId')));
    return showMeasureForm(c, 'Add a success measure', {});
  })
  .post('/objectives/:objectiveId/measures/new', requires('strategy.edit'), async (c) => {
    const db = c.get('database').db;
    const objective = await found(findObjective(db, idParam(c, 'objectiveId')));
    const values = await formValues(c);
    const form = parseMeasure(values, (await metricOptions(c)).keys);
    if (!form.ok) return showMeasureForm(c, 'Add a success measure', values, form.errors);
    return saved(c, 'measure', await insertMeasure(db, objective.id, form.data), 'added');
  })
  .get('/measures/:measureId', requires('strategy.edit'), async (c) => {
    const measure = await found(findMeasure(c.get('database').db, idParam(c, 'measureId')));
    return showMeasureForm(c, 'Change a success measure', measureValues(measure), {}, removing(c.req.path, 'Remove this success measure'));
  })
  .post('/measures/:measureId', requires('strategy.edit'), async (c) => {
    const db = c.get('database').db;
    const measure = await found(findMeasure(db, idParam(c, 'measureId')));
    const values = await formValues(c);
    const form = parseMeasure(values, (await metricOptions(c)).keys);
    if (!form.ok) return showMeasureForm(c, 'Change a success measure', values, form.errors, removing(c.req.path, 'Remove this success measure'));
    await updateMeasure(db, measure.id, form.data);
    return saved(c, 'measure', measure.id, 'changed');
  })
  .post('/measures/:measureId/remove', requires('strategy.edit'), async (c) => {
    const db = c.get('database').db;
    const measure = await found(findMeasure(db, idParam(c, 'measureId')));
    await deleteMeasure(db, measure.id);
    return saved(c, 'measure', measure.id, 'removed');
  })

  .get('/objectives/:objectiveId/board-metrics/new', requires('strategy.edit'), async (c) => {
    const objective = await found(findObjective(c.get('database').db, idParam(c, 'objectiveId')));
    return showBoardMetricForm(c, 'Add a board metric', { objectiveId: String(objective.id) });
  })
  .post('/objectives/:objectiveId/board-metrics/new', requires('strategy.edit'), async (c) => {
    await found(findObjective(c.get('database').db, idParam(c, 'objectiveId')));
    const values = await formValues(c);
    const form = await readBoardMetric(c, values, undefined);
    if (!form.ok) return showBoardMetricForm(c, 'Add a board metric', values, form.errors);
    return saved(c, 'board-metric', await insertBoardMetric(c.get('database').db, form.data), 'added');
  })
  .get('/board-metrics/:boardMetricId', requires('strategy.edit'), async (c) => {
    const row = await found(findBoardMetric(c.get('database').db, idParam(c, 'boardMetricId')));
    return showBoardMetricForm(c, 'Change a board metric', boardMetricValues(row), {}, removing(c.req.path, 'Remove this board metric'));
  })
  .post('/board-metrics/:boardMetricId', requires('strategy.edit'), async (c) => {
    const db = c.get('database').db;
    const row = await found(findBoardMetric(db, idParam(c, 'boardMetricId')));
    const values = await formValues(c);
    const form = await readBoardMetric(c, values, row);
    if (!form.ok) return showBoardMetricForm(c, 'Change a board metric', values, form.errors, removing(c.req.path, 'Remove this board metric'));
    await updateBoardMetric(db, row.id, form.data);
    return saved(c, 'board-metric', row.id, 'changed');
  })
  .post('/board-metrics/:boardMetricId/remove', requires('strategy.edit'), async (c) => {
    const db = c.get('database').db;
    const row = await found(findBoardMetric(db, idParam(c, 'boardMetricId')));
    await deleteBoardMetric(db, row.id);
    return saved(c, 'board-metric', row.id, 'removed');
  });

/** Removing an objective takes its priorities, measures and board metrics with it: say how many. */
async function removeObjective(c: Context<AppEnv>, objectiveId: number) {
  const db = c.get('database').db;
  const [priorities, measures, boardMetrics] = await Promise.all([listPriorities(db), listMeasures(db), listBoardMetrics(db)]);
  const count = (rows: { objectiveId: number }[], one: string, many: string) => {
    const n = rows.filter((row) => row.objectiveId === objectiveId).length;
    return `${n} ${n === 1 ? one : many}`;
  };
  const warning = `Removing it also removes its ${count(priorities, 'priority', 'priorities')}, ${count(measures, 'success measure', 'success measures')} and ${count(boardMetrics, 'board metric', 'board metrics')}.`;
  return removing(c.req.path, 'Remove this objective', warning);
}
