import { Hono } from 'hono';
import type { AppEnv } from '#src/web/env.ts';

/** Mounted at /board/reports (the PDF and the XLSX data pack of a report). */
export const outputRoutes = new Hono<AppEnv>();
