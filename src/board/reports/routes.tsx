import { Hono } from 'hono';
import type { AppEnv } from '#src/web/env.ts';

/** Mounted at /board/reports (the monthly integrated report: list, pages, commentary, publishing). */
export const reportRoutes = new Hono<AppEnv>();
