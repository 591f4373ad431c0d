import type { Context } from 'hono';
import type { AppEnv } from '#src/web/env.ts';
import { notFound } from '#src/web/errors.ts';
import type { ReportSnapshot } from '../snapshot.ts';
import { buildSnapshot } from './build.ts';
import { findReport, type BoardReportRow } from './store.ts';

export type { BoardReportRow } from './store.ts';

/** The report in the path (`:reportId`); 404 when there is none. */
export async function loadReport(c: Context<AppEnv>): Promise<BoardReportRow> {
  const id = Number(c.req.param('reportId'));
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const report = await findReport(c.get('database').db, id);
  if (!report) throw notFound();
  return report;
}

/**
 * The report in the path with what it shows: a published report only ever its stored snapshot
 * (the scorecard is not read), a draft or ready one built from the scorecard now.
 */
export async function loadReportSnapshot(c: Context<AppEnv>): Promise<{ report: BoardReportRow; snapshot: ReportSnapshot }> {
  const report = await loadReport(c);
  if (report.status === 'published' && report.snapshot) return { report, snapshot: report.snapshot };
  return { report, snapshot: await buildSnapshot(c.get('database').db, report.month, c.get('clock')()) };
}
