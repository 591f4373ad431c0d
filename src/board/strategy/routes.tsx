import { Hono } from 'hono';
import type { AppEnv } from '#src/web/env.ts';

/** Mounted at /board/strategy (vision, values, objectives, success measures and their progress). */
export const strategyRoutes = new Hono<AppEnv>();
