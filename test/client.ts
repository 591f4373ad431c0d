import type { App } from '#src/app.ts';

/** Drives the app like a browser without JavaScript: keeps cookies, reads the CSRF field from pages. */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken = '';

  /** `headers` go with every request, as a browser sends its user agent. */
  constructor(
    private readonly app: App,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers({ ...this.headers, ...Object.fromEntries(new Headers(init.headers)) });
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await this.app.request(path, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (value === '' || /max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** GETs a page and remembers its CSRF token for the next post. */
  async get(path: string): Promise<{ response: Response; html: string }> {
    const response = await this.request(path);
    const html = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrfToken = token;
    return { response, html };
  }

  async post(path: string, fields: Record<string, string>, options: { csrf?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const body = new URLSearchParams({ _csrf: options.csrf ?? this.csrfToken, ...fields });
    const headers = { 'content-type': 'application/x-www-form-urlencoded', ...options.headers };
    return this.request(path, { method: 'POST', headers, body });
  }

  async signIn(email: string, password: string): Promise<Response> {
    await this.get('/sign-in');
    const response = await this.post('/sign-in', { email, password });
    await this.get('/');
    return response;
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }
}
