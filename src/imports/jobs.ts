import { randomUUID } from 'node:crypto';
import type { Db } from '#src/db/client.ts';
import { logger } from '#src/web/logger.ts';
import { runAfterApply } from './after-apply.ts';
import { runImport, type ImportProgress, type ImportResult } from './run-import.ts';

/** An import started from the web: run in the background, one at a time, its progress kept in memory. */
export interface ImportJob {
  id: string;
  accountId: number;
  kind: string;
  fileName: string;
  sheet: string | undefined;
  dryRun: boolean;
  mapping: Record<string, string>;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: ImportProgress;
  result: ImportResult | undefined;
  /** The file, kept so a mapping step or a dry run can go on to a real import; dropped once applied. */
  bytes: Uint8Array | null;
  startedAt: number;
  done: Promise<void>;
}

export type NewImportJob = Pick<ImportJob, 'accountId' | 'kind' | 'fileName' | 'sheet' | 'dryRun' | 'mapping'> & { bytes: Uint8Array };

/** Jobs are forgotten after this long, and the oldest when there are more than MAX_JOBS. */
const JOB_LIFETIME_MS = 60 * 60 * 1000;
const MAX_JOBS = 50;

const jobs = new Map<string, ImportJob>();
/** PGlite allows one writer, so imports run one after another. */
let queue: Promise<void> = Promise.resolve();

function forgetOldJobs(now: number): void {
  for (const [id, job] of jobs) {
    if (job.state !== 'queued' && job.state !== 'running' && (now - job.startedAt > JOB_LIFETIME_MS || jobs.size > MAX_JOBS)) jobs.delete(id);
  }
}

export function startImportJob(db: Db, spec: NewImportJob, clock: () => Date): ImportJob {
  forgetOldJobs(Date.now());
  const job: ImportJob = {
    ...spec,
    id: randomUUID(),
    state: 'queued',
    progress: { phase: 'reading', rowsRead: 0, rowsWritten: 0, bytesRead: 0, totalBytes: spec.bytes.length },
    result: undefined,
    startedAt: Date.now(),
    done: Promise.resolve(),
  };
  job.done = queue = queue.then(async () => {
    job.state = 'running';
    try {
      const bytes = job.bytes ?? new Uint8Array();
      job.result = await runImport(
        db,
        {
          kind: job.kind,
          fileName: job.fileName,
          bytes,
          sheet: job.sheet,
          dryRun: job.dryRun,
          mapping: job.mapping,
          accountId: job.accountId,
          onProgress: (progress) => {
            job.progress = progress;
          },
        },
        clock(),
      );
      if (job.result.status === 'applied' || job.result.status === 'already-applied') job.bytes = null;
      job.state = 'done';
    } catch (error) {
      job.state = 'failed';
      job.bytes = null;
      logger.error('import failed', { job: job.id, kind: job.kind, error });
    }
    if (job.result?.status === 'applied') {
      await runAfterApply(db, job.result.batch).catch((error: unknown) => logger.error('after-import work failed', { batch: job.result?.status === 'applied' ? job.result.batch.id : null, error }));
    }
  });
  jobs.set(job.id, job);
  return job;
}

export function findImportJob(id: string, accountId: number): ImportJob | undefined {
  const job = jobs.get(id);
  return job?.accountId === accountId ? job : undefined;
}

/** Waits for the job up to `ms`, so small files go straight to their result. */
export async function waitForJob(job: ImportJob, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([job.done, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
