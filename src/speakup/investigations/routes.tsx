import { Hono } from 'hono';
import type { AppEnv } from '#src/web/env.ts';

/** Mounted at /speak-up/investigations (investigators, assigned cases only). */
export const investigationRoutes = new Hono<AppEnv>();
