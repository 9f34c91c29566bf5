// A browser and an app, over real HTTP, for the OAuth 2 authorization code flow with PKCE: the browser keeps the
// authorization server's cookies and follows its redirects up to the app's redirect URI (which is never contacted:
// its Location is read); the app exchanges and refreshes at the token endpoint with HTTP Basic.
import { createHash, randomBytes } from 'node:crypto';
import { stack } from './stack';

export interface App {
  id: string;
  secret: string;
  redirectUri: string;
}

export const pkcePair = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

/** A cookie jar of one browser (names and values; paths ignored, which sends no fewer cookies than a browser). */
export class Browser {
  private readonly jar = new Map<string, string>();

  async get(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    let res = await fetch(url.startsWith('http') ? url : `${stack().apiUrl}${url}`, { ...init, headers, redirect: 'manual' });
    // the browser's steps share the address's budget for strangers: wait as told, as a person would, and go on
    for (let tries = 0; res.status === 429 && tries < 5; tries++) {
      await res.body?.cancel();
      await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
      res = await fetch(url.startsWith('http') ? url : `${stack().apiUrl}${url}`, { ...init, headers, redirect: 'manual' });
    }
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  /** Follows redirects within the API; stops at the first page, or at a redirect elsewhere (the app's URI). */
  async follow(url: string, init: RequestInit = {}): Promise<{ res: Response; url: string }> {
    let res = await this.get(url, init);
    let at = url;
    for (let hops = 0; hops < 10 && res.status >= 300 && res.status < 400; hops++) {
      const location = res.headers.get('location')!;
      const next = new URL(location, stack().apiUrl + '/');
      if (next.origin !== new URL(stack().apiUrl).origin) return { res, url: next.toString() };
      at = next.pathname + next.search;
      res = await this.get(at);
    }
    return { res, url: at };
  }
}

export function authorizeUrl(app: App, opts: { scope: string; challenge?: string; method?: string; resource?: string; state?: string }): string {
  const q = new URLSearchParams({ response_type: 'code', client_id: app.id, redirect_uri: app.redirectUri, scope: opts.scope, state: opts.state ?? randomBytes(8).toString('hex') });
  if (opts.challenge) q.set('code_challenge', opts.challenge);
  if (opts.challenge) q.set('code_challenge_method', opts.method ?? 'S256');
  if (opts.resource) q.set('resource', opts.resource);
  return `/oauth/auth?${q}`;
}

export interface Consent {
  key: string;
  scopes: string[];
  decision?: 'allow' | 'deny';
}

/** The owner's visit: the consent page, then the form; returns the page (HTML) and where the browser ends. */
export async function consent(browser: Browser, start: string, c: Consent): Promise<{ page: string; status: number; redirect: URL | null; html: string }> {
  const first = await browser.follow(start);
  const page = await first.res.text();
  if (first.res.status !== 200) return { page, status: first.res.status, redirect: first.res.status >= 300 ? new URL(first.url) : null, html: page };
  const form = new URLSearchParams({ key: c.key, decision: c.decision ?? 'allow' });
  for (const s of c.scopes) form.append('scope', s);
  const posted = await browser.follow(first.url, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  if (posted.res.status >= 300 && posted.res.status < 400) return { page, status: posted.res.status, redirect: new URL(posted.url), html: '' };
  return { page, status: posted.res.status, redirect: null, html: await posted.res.text() };
}

export async function token(app: App, form: Record<string, string>, secret = app.secret): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${stack().apiUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${encodeURIComponent(app.id)}:${encodeURIComponent(secret)}`).toString('base64')}` },
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

export async function revoke(app: App, value: string, hint?: string): Promise<number> {
  const form = new URLSearchParams({ token: value });
  if (hint) form.set('token_type_hint', hint);
  const res = await fetch(`${stack().apiUrl}/oauth/token/revocation`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${app.id}:${app.secret}`).toString('base64')}` },
    body: form,
  });
  await res.body?.cancel();
  return res.status;
}

/** The whole flow: consent with `key` for `granted`, then the code exchanged; the token response. */
export async function connect(app: App, key: string, requested: string, granted: string[], resource?: string): Promise<Record<string, any>> {
  const { verifier, challenge } = pkcePair();
  const { redirect, status, html } = await consent(new Browser(), authorizeUrl(app, { scope: requested, challenge, resource }), { key, scopes: granted });
  const code = redirect?.searchParams.get('code');
  if (!code) throw new Error(`no code: ${status} ${redirect} ${html.slice(0, 500)}`);
  const t = await token(app, { grant_type: 'authorization_code', code, redirect_uri: app.redirectUri, code_verifier: verifier, ...(resource ? { resource } : {}) });
  if (t.status !== 200) throw new Error(`token: ${t.status} ${JSON.stringify(t.body)}`);
  return t.body;
}
