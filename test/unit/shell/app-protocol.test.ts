// The app:// handler on a real folder through a recording protocol fake: headers on every response, nonce, containment.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectNonce, registerAppScheme, serveAppProtocol, type AppProtocol } from '../../../main/electron/app-protocol.js';
import { APP_ORIGIN } from '../../../main/electron/security-policy.js';

let dir: string;
let root: string;
let handler: (request: { url: string }) => Promise<Response>;
const schemes: string[] = [];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-protocol-'));
  root = path.join(dir, 'renderer');
  await fs.mkdir(path.join(root, 'assets'), { recursive: true });
  await fs.writeFile(path.join(root, 'index.html'), '<head><meta name="csp-nonce" content=""></head>');
  await fs.writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await fs.writeFile(path.join(dir, 'secret.json'), '{"secret":true}');
  // A symlink whose name passes the text checks but whose target is outside the renderer folder.
  await fs.symlink(path.join(dir, 'secret.json'), path.join(root, 'assets', 'escape.json'));
  const protocol: AppProtocol = {
    registerSchemesAsPrivileged: (list) => list.forEach((s) => schemes.push(`${s.scheme} ${JSON.stringify(s.privileges)}`)),
    handle: (scheme, h) => {
      schemes.push(`handle ${scheme}`);
      handler = h;
    },
  };
  registerAppScheme(protocol);
  serveAppProtocol(protocol, root);
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const get = (p: string) => handler({ url: `${APP_ORIGIN}${p}` });

describe('serveAppProtocol', () => {
  it('registers app:// as a secure standard scheme and handles it', () => {
    expect(schemes[0]).toBe('app {"standard":true,"secure":true,"supportFetchAPI":true,"codeCache":true}');
    expect(schemes[1]).toBe('handle app');
  });
  it.each(['/index.html', '/assets/app.js', '/assets/escape.json', '/../secret.json', '/nothing.js'])('%s carries the CSP and nosniff', async (p) => {
    const r = await get(p);
    expect(r.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self'; style-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}';/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
  it('writes the header nonce into the page, fresh for every response', async () => {
    const nonces = await Promise.all([get('/index.html'), get('/index.html')].map(async (pending) => {
      const r = await pending;
      const header = /'nonce-([^']+)'/.exec(r.headers.get('content-security-policy')!)![1]!;
      expect(await r.text()).toBe(`<head><meta name="csp-nonce" content="${header}"></head>`);
      return header;
    }));
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(Buffer.from(nonces[0]!, 'base64')).toHaveLength(16);
  });
  it('serves files of the renderer folder with their type', async () => {
    const r = await get('/assets/app.js');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await r.text()).toBe('console.log(1)');
  });
  it('refuses a symlink that leaves the renderer folder, traversal and missing files', async () => {
    for (const p of ['/assets/escape.json', '/../secret.json', '/%2e%2e/secret.json', '/nothing.js']) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(await r.text()).not.toContain('secret');
    }
  });
});

describe('injectNonce', () => {
  it('finds its placeholder in the renderer page, which has no meta policy (a static one could not carry the nonce)', async () => {
    const page = await fs.readFile(path.resolve(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    expect(injectNonce(page, 'abc=')).toContain('<meta name="csp-nonce" content="abc=">');
    expect(page).not.toMatch(/http-equiv="Content-Security-Policy"|unsafe-inline/i);
  });
  it('fills only the empty csp-nonce meta', () => {
    expect(injectNonce('<meta name="csp-nonce" content=""><p>content=""</p>', 'abc=')).toBe('<meta name="csp-nonce" content="abc="><p>content=""</p>');
  });
});
