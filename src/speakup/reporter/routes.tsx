import { Hono } from 'hono';
import type { AppEnv } from '#src/web/env.ts';

/** Mounted at /speak-up (reporters: raise, receipt, follow-up). */
export const reporterRoutes = new Hono<AppEnv>();
