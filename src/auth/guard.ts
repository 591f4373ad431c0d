import type { Context, MiddlewareHandler, Next } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '#src/web/env.ts';
import { forbidden, notFound } from '#src/web/errors.ts';
import { can, PUBLIC, SIGNED_IN, type Access, type Permission } from './permissions.ts';

const GUARD = Symbol('vitals.guard');

interface GuardOptions {
  /** The path parameter holding the org unit the permission must cover. */
  unitParam?: string;
}

export type Guard = MiddlewareHandler<AppEnv> & { [GUARD]: { access: Access; options: GuardOptions } };

/**
 * The first handler of every route: says who may use it. A route without one is refused
 * (see denyUnguarded), so forgetting it fails closed.
 */
export function requires(access: Access, options: GuardOptions = {}): Guard {
  const handler = async (c: Context<AppEnv>, next: Next) => {
    if (access === PUBLIC) return next();
    const principal = c.get('principal');
    if (!principal) {
      const { pathname, search } = new URL(c.req.url);
      return c.redirect(`/sign-in?next=${encodeURIComponent(pathname + search)}`, c.req.method === 'GET' ? 302 : 303);
    }
    if (access === SIGNED_IN) return next();
    if (options.unitParam === undefined) {
      if (!can(principal, access)) throw forbidden();
      return next();
    }
    const unitId = Number(c.req.param(options.unitParam));
    const tree = await c.get('orgTree')();
    if (!Number.isInteger(unitId) || !tree.get(unitId)) throw notFound();
    if (!can(principal, access, unitId, tree)) throw forbidden();
    return next();
  };
  return Object.assign(handler, { [GUARD]: { access, options } });
}

export function guardOf(handler: unknown): Guard[typeof GUARD] | undefined {
  return typeof handler === 'function' && GUARD in handler ? (handler as Guard)[GUARD] : undefined;
}

/** Deny by default: a request whose route has no guard is refused before any handler runs. */
export const denyUnguarded: MiddlewareHandler<AppEnv> = async (c, next) => {
  const routes = matchedRoutes(c).filter((route) => route.method !== 'ALL');
  if (routes.length > 0 && !routes.some((route) => guardOf(route.handler))) throw forbidden();
  return next();
};

export interface RouteInfo {
  method: string;
  path: string;
  access: Access | undefined;
}

/** Every registered route and its declared access (undefined = no guard). */
export function describeRoutes(routes: readonly { method: string; path: string; handler: unknown }[]): RouteInfo[] {
  const byKey = new Map<string, RouteInfo>();
  for (const route of routes) {
    if (route.method === 'ALL') continue;
    const key = `${route.method} ${route.path}`;
    const info = byKey.get(key) ?? { method: route.method, path: route.path, access: undefined };
    info.access ??= guardOf(route.handler)?.access;
    byKey.set(key, info);
  }
  return [...byKey.values()];
}

export function assertEveryRouteGuarded(routes: readonly { method: string; path: string; handler: unknown }[]): void {
  const unguarded = describeRoutes(routes).filter((route) => route.access === undefined);
  if (unguarded.length > 0) {
    throw new Error(`Routes without requires(...): ${unguarded.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  }
}

export type { Permission };
