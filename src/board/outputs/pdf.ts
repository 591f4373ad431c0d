import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Route } from 'playwright-core';

/** Debian's Chromium (scripts/ensure-services.sh installs it); a browser is never downloaded. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A report of 30 metric pages prints in a few seconds; a minute means Chromium is stuck. */
const RENDER_TIMEOUT_MS = 60_000;
/** Each render holds a page of charts in memory: two at a time keeps Chromium small, and the rest wait their turn. */
const MAX_CONCURRENT_RENDERS = 2;
/**
 * An unused browser is closed after this long: an idle server holds no Chromium. An open browser
 * keeps Node's event loop alive, so the server also calls closePdfBrowser when it stops.
 */
const IDLE_CLOSE_MS = 60_000;

export interface PdfFile {
  body: Uint8Array;
  type: string;
}

export interface PdfOptions {
  /** The `<base href>` the document's relative links resolve against (the app's own origin). */
  baseUrl: string;
  /**
   * Answers the document's requests under baseUrl (its stylesheets) from memory, by path. Nothing
   * else is fetched except from allowedOrigins: the server never calls itself through a proxy, and
   * text in a report cannot make Chromium reach anywhere.
   */
  files: (path: string) => PdfFile | undefined;
  /** Origins the document may still load from (the NHS font host when FONT_URL is set). */
  allowedOrigins?: readonly string[];
}

/** False when Chromium or playwright-core is not installed: the PDF route then says how to print from the browser. */
export function chromiumAvailable(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    createRequire(import.meta.url).resolve('playwright-core');
    return true;
  } catch {
    return false;
  }
}

let browser: Promise<Browser> | undefined;
let active = 0;
const waiting: (() => void)[] = [];
let idleTimer: NodeJS.Timeout | undefined;

async function launch(): Promise<Browser> {
  // Loaded only when a PDF is asked for, so the app starts where playwright-core is not installed.
  const { chromium } = await import('playwright-core');
  // The server's own SIGINT/SIGTERM handling stays in charge; Playwright still kills Chromium on exit.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
}

/** The one browser, launched on first use and again after it closes or crashes. */
function sharedBrowser(): Promise<Browser> {
  if (browser) return browser;
  const launching = launch();
  const forget = () => {
    if (browser === launching) browser = undefined;
  };
  launching.then((launched) => launched.on('disconnected', forget), forget);
  browser = launching;
  return launching;
}

/** Closes the shared browser, if one is open (when the server stops). Safe at any time: the next PDF launches a new one. */
export async function closePdfBrowser(): Promise<void> {
  const open = browser;
  browser = undefined;
  if (idleTimer) clearTimeout(idleTimer);
  if (open) await (await open.catch(() => undefined))?.close();
}

async function takeTurn(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  if (active < MAX_CONCURRENT_RENDERS) {
    active += 1;
    return;
  }
  // The finishing render hands its slot straight over, so `active` stays counted.
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function endTurn(): void {
  const next = waiting.shift();
  if (next) return next();
  active -= 1;
  if (active === 0) {
    idleTimer = setTimeout(() => void closePdfBrowser(), IDLE_CLOSE_MS);
    idleTimer.unref();
  }
}

function withTimeout<T>(work: Promise<T>, onTimeout: () => Promise<void>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void onTimeout();
      reject(new Error(`The PDF took longer than ${RENDER_TIMEOUT_MS / 1000} seconds to render`));
    }, RENDER_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The page number on every page, small and grey, outside the report's own content. */
const FOOTER_TEMPLATE =
  '<div style="width:100%;font-family:Arial,sans-serif;font-size:9px;color:#4c6272;padding:0 15mm;display:flex;justify-content:space-between">' +
  '<span class="title"></span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>';

function answer(route: Route, options: PdfOptions): Promise<void> {
  const url = new URL(route.request().url());
  const base = new URL(options.baseUrl);
  if (url.origin === base.origin) {
    const file = options.files(url.pathname);
    return file ? route.fulfill({ status: 200, contentType: file.type, body: Buffer.from(file.body) }) : route.fulfill({ status: 404, body: '' });
  }
  if (options.allowedOrigins?.includes(url.origin)) return route.continue();
  return route.abort('blockedbyclient');
}

/**
 * The HTML document as an A4 PDF, drawn by the server's Chromium: one browser, shared and
 * launched on first use; a fresh context per PDF so no state passes between reports. The HTML
 * needs a `<base href>` of options.baseUrl for its stylesheets to be found.
 */
export async function renderPdf(html: string, options: PdfOptions): Promise<Uint8Array<ArrayBuffer>> {
  await takeTurn();
  try {
    const context = await (await sharedBrowser()).newContext({ javaScriptEnabled: false });
    try {
      context.setDefaultTimeout(RENDER_TIMEOUT_MS);
      await context.route('**/*', (route) => answer(route, options));
      const page = await context.newPage();
      const pdf = withTimeout(
        (async () => {
          await page.setContent(html, { waitUntil: 'load' });
          return page.pdf({
            format: 'A4',
            printBackground: true,
            margin: { top: '15mm', right: '15mm', bottom: '18mm', left: '15mm' },
            displayHeaderFooter: true,
            headerTemplate: '<span></span>',
            footerTemplate: FOOTER_TEMPLATE,
          });
        })(),
        () => context.close().catch(() => undefined),
      );
      return new Uint8Array(await pdf);
    } finally {
      await context.close().catch(() => undefined);
    }
  } finally {
    endTurn();
  }
}
