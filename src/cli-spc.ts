// `vitals spc --input FILE|-`: the SPC CLI contract of issue 3. Validation (zod) and JSON shaping
// live here, outside src/stats, which stays free of I/O and zod.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { checkSpcOptions, spc, type SpcOptions, type SpcResult } from './stats/spc/index.ts';

export const SPC_USAGE = `Usage: vitals spc --input FILE   (FILE "-" reads standard input)

Reads one JSON object, or a JSON array of them:
  {"values":[number|null,…],"improvement":"increase"|"decrease"|"neutral","profile"?:"mdc"|"ptd",
   "target"?:number,"rebase"?:[index,…],"fixAfter"?:number,"baseline"?:number,
   "screenOutliers"?:boolean,"shift"?:number,"trend"?:number,"conflict"?:"improvement"|"concern"}
and prints {"mean":[…],"lower":[…],"upper":[…],"points":[{"type":…,"rules":[…]}],"variation":…,"assurance":…}
(or an array of them, in order). Bad input exits 2 with a message naming the field.`;

const number = (what: string) => z.number({ error: `expected ${what}` });

/** One chart's input. Types here; ranges and cross-field rules come from `checkSpcOptions`. */
export const spcInputSchema = z.strictObject(
  {
    values: z.array(z.union([z.number(), z.null()], { error: 'expected a number or null' }), { error: 'expected an array of numbers and nulls' }),
    improvement: z.enum(['increase', 'decrease', 'neutral'], { error: 'expected "increase", "decrease" or "neutral"' }),
    profile: z.enum(['mdc', 'ptd'], { error: 'expected "mdc" or "ptd"' }).optional(),
    target: number('a number').optional(),
    rebase: z.array(number('an index (a whole number)'), { error: 'expected an array of indices' }).optional(),
    fixAfter: number('a whole number of points').optional(),
    baseline: number('a whole number of points').optional(),
    screenOutliers: z.boolean({ error: 'expected true or false' }).optional(),
    shift: number('a whole number of points').optional(),
    trend: number('a whole number of points').optional(),
    conflict: z.enum(['improvement', 'concern'], { error: 'expected "improvement" or "concern"' }).optional(),
  },
  { error: 'expected a JSON object with "values" and "improvement"' },
);

/** Renders a path as the user wrote it: `values[3]`, `[2].rebase[0]`. */
function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const key of path) name += typeof key === 'number' ? `[${key}]` : name === '' ? String(key) : `.${String(key)}`;
  return name;
}

/** Validates one chart input; returns the options or messages naming each bad field. */
export function parseSpcInput(input: unknown, prefix: (string | number)[] = []): { ok: true; chart: SpcOptions & { values: (number | null)[] } } | { ok: false; problems: string[] } {
  const parsed = spcInputSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${fieldName([...prefix, ...issue.path, key])}: not a setting of spc`);
      return [`${fieldName([...prefix, ...issue.path]) || 'input'}: ${issue.message}`];
    });
    return { ok: false, problems };
  }
  const chart = parsed.data;
  const problems = checkSpcOptions(chart, chart.values.length).map((p) => `${fieldName(prefix)}${prefix.length > 0 ? '.' : ''}${p.field}: ${p.message}`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, chart };
}

/** Runs one input document (an object or an array of objects); `problems` when any is bad. */
export function runSpcDocument(document: unknown): { ok: true; output: SpcResult | SpcResult[] } | { ok: false; problems: string[] } {
  const many = Array.isArray(document);
  const inputs: unknown[] = many ? document : [document];
  const charts: (SpcOptions & { values: (number | null)[] })[] = [];
  const problems: string[] = [];
  inputs.forEach((input, i) => {
    const parsed = parseSpcInput(input, many ? [i] : []);
    if (parsed.ok) charts.push(parsed.chart);
    else problems.push(...parsed.problems);
  });
  if (problems.length > 0) return { ok: false, problems };
  const results = charts.map(({ values, ...options }) => spc(values, options));
  return { ok: true, output: many ? results : results[0]! };
}

async function readInput(source: string): Promise<string> {
  if (source !== '-') return readFile(source, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `vitals spc` itself: prints the result(s) on stdout; 2 with a message on stderr for bad input. */
export async function spcCommand(args: string[]): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`${message}\n`);
    return 2;
  };
  let input: string | undefined;
  try {
    const { values } = parseArgs({ args, options: { input: { type: 'string', short: 'i' }, help: { type: 'boolean', short: 'h' } }, strict: true });
    if (values.help) {
      process.stdout.write(`${SPC_USAGE}\n`);
      return 0;
    }
    input = values.input;
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${SPC_USAGE}`);
  }
  if (input === undefined) return fail(`spc needs --input FILE (or - for standard input)\n\n${SPC_USAGE}`);

  let text: string;
  try {
    text = await readInput(input);
  } catch (error) {
    return fail(`--input: cannot read "${input}": ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return fail(`input: not valid JSON (${(error as Error).message})`);
  }
  const result = runSpcDocument(document);
  if (!result.ok) return fail(result.problems.join('\n'));
  process.stdout.write(`${JSON.stringify(result.output)}\n`);
  return 0;
}
