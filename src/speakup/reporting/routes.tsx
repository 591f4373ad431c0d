import { Hono } from 'hono';
import type { AppEnv } from '#src/web/env.ts';

/** Mounted at /speak-up/reports (themes, national return). */
export const reportRoutes = new Hono<AppEnv>();
