import { Hono } from 'hono';
import type { AppEnv } from '#src/web/env.ts';

/** Mounted at /speak-up/cases (Guardians). */
export const caseRoutes = new Hono<AppEnv>();
