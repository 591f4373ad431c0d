import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** A person the test provider can sign in: the login form's "login" field is their `sub`. */
export interface TestOidcUser {
  sub: string;
  email: string;
  name: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The people who can sign in, by `sub`; change one to model an update at the provider. */
  users: Map<string, TestOidcUser>;
  close(): Promise<void>;
}

interface StartOptions {
  /** The relying party's redirect URI, e.g. `${publicUrl}/sign-in/oidc/callback`. */
  redirectUri: string;
  users: readonly TestOidcUser[];
  /**
   * true (the provider's default): scope claims (email, name) only reach the UserInfo endpoint,
   * as with some identity providers. false: they are in the ID token too, as Entra ID does.
   */
  conformIdTokenClaims?: boolean;
}

/** The small part of oidc-provider's Provider used here. */
interface ProviderInstance {
  callback(): (request: IncomingMessage, response: ServerResponse) => void;
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

function isProviderModule(loaded: unknown): loaded is { default: ProviderConstructor } {
  return typeof loaded === 'object' && loaded !== null && 'default' in loaded && typeof loaded.default === 'function';
}

/**
 * oidc-provider ships no type declarations and we add no @types package, so it is imported through
 * a specifier TypeScript does not resolve, and the module is checked at run time instead.
 */
async function loadProvider(): Promise<ProviderConstructor> {
  const specifier = 'oidc-provider';
  const loaded: unknown = await import(specifier);
  if (!isProviderModule(loaded)) throw new Error('oidc-provider did not export a Provider class');
  return loaded.default;
}

/**
 * Starts a real OpenID Provider (oidc-provider) on 127.0.0.1 at a free port, with one
 * confidential client, PKCE required, and its development login and consent pages: plain HTML
 * forms a test can submit like a browser without JavaScript. Nothing leaves 127.0.0.1.
 */
export async function startOidcProvider(options: StartOptions): Promise<TestOidcProvider> {
  const Provider = await loadProvider();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The test provider is not listening on a TCP port');
  const issuer = `http://127.0.0.1:${address.port}`;
  const clientId = 'vitals-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const users = new Map(options.users.map((user) => [user.sub, user]));

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: 'test' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: options.conformIdTokenClaims ?? true,
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    features: { devInteractions: { enabled: true } },
    findAccount: (_context: unknown, sub: string) => {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: user.email, email_verified: true, name: user.name }),
      };
    },
  });
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    users,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export interface Page {
  url: URL;
  status: number;
  /** The absolute redirect target, for a 3xx answer. */
  location: URL | undefined;
  html: string;
}

interface StoredCookie {
  host: string;
  path: string;
  value: string;
}

/**
 * A browser without JavaScript, enough for an OpenID Connect round trip: a cookie jar keyed by host
 * and path (cookies ignore the port, as in browsers), one request at a time, no redirects followed.
 */
export class TestBrowser {
  private readonly cookies = new Map<string, StoredCookie & { name: string }>();

  async send(url: URL, form?: Record<string, string>): Promise<Page> {
    const headers = new Headers();
    const cookie = this.cookiesFor(url);
    if (cookie) headers.set('cookie', cookie);
    const init: RequestInit = form
      ? { method: 'POST', headers, body: new URLSearchParams(form), redirect: 'manual' }
      : { method: 'GET', headers, redirect: 'manual' };
    const response = await fetch(url, init);
    for (const header of response.headers.getSetCookie()) this.store(url, header);
    const location = response.headers.get('location');
    return { url, status: response.status, location: location === null ? undefined : new URL(location, url), html: await response.text() };
  }

  cookie(name: string): string | undefined {
    return [...this.cookies.values()].find((stored) => stored.name === name)?.value;
  }

  /** Changes (or with undefined, drops) every cookie of that name, as a tampering user could. */
  setCookie(name: string, value: string | undefined): void {
    for (const [key, stored] of this.cookies) {
      if (stored.name !== name) continue;
      if (value === undefined) this.cookies.delete(key);
      else stored.value = value;
    }
  }

  private cookiesFor(url: URL): string {
    return [...this.cookies.values()]
      .filter((stored) => stored.host === url.hostname && (url.pathname === stored.path || url.pathname.startsWith(stored.path.endsWith('/') ? stored.path : `${stored.path}/`)))
      .map((stored) => `${stored.name}=${stored.value}`)
      .join('; ');
  }

  private store(url: URL, header: string): void {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const index = pair.indexOf('=');
    const name = pair.slice(0, index);
    const value = pair.slice(index + 1);
    let path = url.pathname.slice(0, Math.max(1, url.pathname.lastIndexOf('/')));
    let isExpired = false;
    for (const attribute of attributes) {
      const [key = '', setting = ''] = attribute.split('=');
      if (/^path$/i.test(key) && setting.startsWith('/')) path = setting;
      if (/^max-age$/i.test(key) && Number(setting) <= 0) isExpired = true;
      if (/^expires$/i.test(key) && Date.parse(setting) <= Date.now()) isExpired = true;
    }
    const key = `${url.hostname} ${path} ${name}`;
    if (isExpired) this.cookies.delete(key);
    else this.cookies.set(key, { host: url.hostname, path, name, value });
  }
}

/** The provider page's form (its development login or consent page), as a browser would submit it. */
export function readProviderForm(html: string, base: URL): { prompt: string; action: URL; fields: Record<string, string> } {
  const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form?.[1] || form[2] === undefined) throw new Error(`No form on the provider page:\n${html}`);
  const fields: Record<string, string> = {};
  for (const input of form[2].matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    if (name) fields[name] = unescapeHtml(/value="([^"]*)"/.exec(input[0])?.[1] ?? '');
  }
  return { prompt: fields.prompt ?? '', action: new URL(unescapeHtml(form[1]), base), fields };
}

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27|#x2F);/g, (_entity, code: string) =>
    ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", '#x2F': '/' })[code] ?? '',
  );
}
