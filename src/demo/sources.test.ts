import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoTrust } from '#src/demo/generate.ts';
import { formatDuration, SOURCE_FILES, writeDemoSources } from '#src/demo/sources.ts';

const trust = generateDemoTrust({ seed: 3, staff: 400 });
const folders: string[] = [];

async function written(seed: number): Promise<Map<string, Buffer>> {
  const dir = await mkdtemp(join(tmpdir(), 'vitals-demo-'));
  folders.push(dir);
  const paths = await writeDemoSources(seed === 3 ? trust : generateDemoTrust({ seed, staff: 400 }), dir);
  const files = new Map<string, Buffer>();
  for (const path of paths) files.set(basename(path), await readFile(path));
  return files;
}

function rowsOf(files: Map<string, Buffer>, file: string): Record<string, string>[] {
  const content = files.get(file);
  if (!content) throw new Error(`${file} was not written`);
  return parse(content, { columns: true });
}

afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

describe('writeDemoSources', () => {
  it('writes byte-identical files for the same seed, and different ones for another', async () => {
    const first = await written(3);
    const second = await written(3);
    expect([...first.keys()]).toEqual([...SOURCE_FILES.map((f) => f.file), 'README.md']);
    for (const [file, content] of first) expect(content.equals(second.get(file) ?? Buffer.alloc(0))).toBe(true);
    const other = await written(4);
    expect(other.get('esr-assignments.csv')?.equals(first.get('esr-assignments.csv') ?? Buffer.alloc(0))).toBe(false);
  });

  it('writes each source with its header row and every record', async () => {
    const files = await written(3);
    for (const source of SOURCE_FILES) {
      const firstLine = files.get(source.file)?.toString('utf8').split('\n')[0] ?? '';
      expect(firstLine.split(',')[0]).toBe(source.columns[0]?.header);
    }
    expect(rowsOf(files, 'esr-assignments.csv')).toHaveLength(trust.assignments.length);
    expect(rowsOf(files, 'sickness-absence.csv')).toHaveLength(trust.sources.sicknessAbsence.length);
    const assignment = rowsOf(files, 'esr-assignments.csv')[0];
    expect(assignment?.['Start Date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(assignment?.['Grade']).toMatch(/^(Band \d[a-d]?|VSM|Consultant|Specialty Doctor)$/);
  });

  it('keeps the staff survey anonymous', async () => {
    const survey = rowsOf(await written(3), 'staff-survey-responses.csv');
    const headers = Object.keys(survey[0] ?? {});
    expect(headers).not.toContain('Staff Number');
    expect(headers).toEqual(expect.arrayContaining(['Q2A', 'Q3C', 'Q25C', 'Q20A', 'Q25E', 'Q25F']));
  });

  it('describes every file and column in the README', async () => {
    const readme = (await written(3)).get('README.md')?.toString('utf8') ?? '';
    for (const source of SOURCE_FILES) {
      expect(readme).toContain(`## ${source.file}`);
      for (const column of source.columns) expect(readme).toContain(`| ${column.header} |`);
    }
  });

  it('formats response times as h:mm:ss', () => {
    expect(formatDuration(437)).toBe('0:07:17');
    expect(formatDuration(5 * 3600 + 61)).toBe('5:01:01');
  });
});
