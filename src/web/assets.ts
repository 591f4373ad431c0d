import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';
import { requires } from '#src/auth/guard.ts';
import { PUBLIC } from '#src/auth/permissions.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

interface Asset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
}

const NHS_FONT_HOST = 'https://assets.nhs.uk/fonts';

/**
 * nhsuk-frontend's CSS loads Frutiger from the NHS asset host. Offline and under our CSP that
 * fails, so the @font-face rules point at FONT_URL when it is set and are dropped otherwise
 * (the design system's own fallback, Arial, is then used).
 */
export function rewriteFontUrls(css: string, fontUrl: string | undefined): string {
  if (fontUrl) return css.replaceAll(NHS_FONT_HOST, fontUrl.replace(/\/$/, ''));
  return css.replace(/@font-face\{[^}]*\}/g, '');
}

export function loadAssets(fontUrl: string | undefined): Map<string, Asset> {
  const require = createRequire(import.meta.url);
  const nhsukDist = dirname(require.resolve('nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.js'));
  const assets = new Map<string, Asset>();
  const add = (name: string, path: string, transform?: (text: string) => string) => {
    const type = CONTENT_TYPES[extname(name)];
    if (!type) return;
    const raw = readFileSync(path);
    assets.set(name, { body: transform ? new TextEncoder().encode(transform(raw.toString('utf8'))) : new Uint8Array(raw), type });
  };
  add('nhsuk-frontend.min.css', join(nhsukDist, 'nhsuk-frontend.min.css'), (css) =>
    rewriteFontUrls(css.replace(/\/\*# sourceMappingURL=.*\*\//, ''), fontUrl),
  );
  add('nhsuk-frontend.min.js', join(nhsukDist, 'nhsuk-frontend.min.js'), (js) => js.replace(/\/\/# sourceMappingURL=.*$/m, ''));
  const images = join(nhsukDist, 'assets', 'images');
  for (const file of readdirSync(images)) add(`images/${file}`, join(images, file));
  const own = join(import.meta.dirname, 'assets');
  for (const file of readdirSync(own)) add(file, join(own, file));
  return assets;
}

export function assetRoutes(fontUrl: string | undefined) {
  const assets = loadAssets(fontUrl);
  return new Hono<AppEnv>().get('/*', requires(PUBLIC), (c) => {
    const asset = assets.get(c.req.path.replace(/^\/assets\//, ''));
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=3600' });
  });
}
