// The network and navigation policy, as pure functions so they are unit-tested without Electron.
// The app's only origin is app://bundle; everything else (http, https, ws, file, data: pages,
// devtools from remote, …) is refused.

import { posix } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * Content Security Policy for every page the app serves. No remote origin, no eval, no inline
 * script. Inline styles are allowed because echarts and ag-grid set element styles at run time.
 * data:/blob: images are for chart exports rendered in the page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
}

/**
 * Whether the session lets a request through. Only the app's own scheme; devtools internals are
 * allowed so a developer build can be inspected. data: and blob: are allowed only as sub-resources
 * (images of chart exports), never as pages.
 */
export function isAllowedRequest(url: string, resourceType: string): boolean {
  if (isAppUrl(url)) return true;
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'devtools:') return true;
  if ((u.protocol === 'data:' || u.protocol === 'blob:') && resourceType !== 'mainFrame' && resourceType !== 'subFrame') return true;
  return false;
}

/** Navigation is only ever to the app's own pages. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Maps an app:// URL to a file under root, refusing anything that would escape it
 * (../, encoded ../, absolute paths, backslashes, NUL). Returns null when refused.
 */
export function resolveAppPath(root: string, url: string): string | null {
  const u = parse(url);
  if (!u || !isAppUrl(url)) return null;
  // The URL parser silently resolves ../ and %2e%2e/; a request that contains them is refused
  // rather than quietly mapped to another file.
  if (/(^|\/)(\.|%2e){2}(\/|%2f|%5c|$|\?|#)/i.test(url.replace(/^[a-z]+:\/\/[^/]*/i, ''))) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const normalized = posix.normalize(pathname === '/' ? '/index.html' : pathname);
  if (!normalized.startsWith('/') || normalized.split('/').includes('..')) return null;
  const rootNorm = root.replace(/\\/g, '/').replace(/\/+$/, '');
  const full = posix.join(rootNorm, normalized);
  if (!full.startsWith(`${rootNorm}/`)) return null;
  return full;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export function mimeType(path: string): string {
  const i = path.lastIndexOf('.');
  return (i >= 0 && MIME[path.slice(i).toLowerCase()]) || 'application/octet-stream';
}

/** Only the app's top frame may call the services. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl);
}
