import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  resolveAppPath,
} from '../../electron/main/security-policy';

describe('request policy', () => {
  it('lets the app scheme through', () => {
    expect(isAllowedRequest(APP_ENTRY, 'mainFrame')).toBe(true);
    expect(isAllowedRequest('app://bundle/assets/index.js', 'script')).toBe(true);
  });
  it.each([
    ['https://example.com/x.js', 'script'],
    ['http://127.0.0.1:8080/', 'xhr'],
    ['ws://localhost:1234/', 'webSocket'],
    ['wss://cdn.example.com/', 'webSocket'],
    ['file:///etc/passwd', 'mainFrame'],
    ['file:///C:/Windows/win.ini', 'xhr'],
    ['app://evil/index.html', 'mainFrame'],
    ['app://user:pw@bundle/index.html', 'mainFrame'],
    ['data:text/html,<script>alert(1)</script>', 'mainFrame'],
    ['data:text/html,<h1>x</h1>', 'subFrame'],
    ['ftp://example.com/', 'other'],
    ['not a url', 'other'],
  ])('cancels %s (%s)', (url, type) => {
    expect(isAllowedRequest(url, type)).toBe(false);
  });
  it('allows data:/blob: only as sub-resources', () => {
    expect(isAllowedRequest('data:image/svg+xml,<svg/>', 'image')).toBe(true);
    expect(isAllowedRequest('blob:app://bundle/123', 'image')).toBe(true);
  });
  it('only navigates within the app', () => {
    expect(isAllowedNavigation('app://bundle/index.html#/import')).toBe(true);
    expect(isAllowedNavigation('https://example.com')).toBe(false);
    expect(isAllowedNavigation('file:///tmp/x.html')).toBe(false);
  });
  it('trusts only the app’s main frame as an IPC sender', () => {
    expect(isTrustedSender('app://bundle/index.html', true)).toBe(true);
    expect(isTrustedSender('app://bundle/index.html', false)).toBe(false);
    expect(isTrustedSender('https://example.com/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

describe('app:// path resolution', () => {
  const root = '/opt/app/renderer';
  it('maps files under the root', () => {
    expect(resolveAppPath(root, 'app://bundle/')).toBe('/opt/app/renderer/index.html');
    expect(resolveAppPath(root, 'app://bundle/assets/a.js?v=1')).toBe('/opt/app/renderer/assets/a.js');
    expect(resolveAppPath(root, 'app://bundle/assets/%E5%AD%97.woff2')).toBe('/opt/app/renderer/assets/字.woff2');
  });
  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/%2e%2e/%2e%2e/etc/passwd',
    'app://bundle/assets/..%2f..%2f..%2fetc/passwd',
    'app://bundle/..%5c..%5cwindows',
    'app://bundle/a%00.js',
    'app://bundle/%E0%A4%A',
    'app://other/index.html',
    'https://bundle/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('content security policy', () => {
  it('has no remote origin, no eval, no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY.match(/script-src[^;]*/)![0]).not.toContain('unsafe-inline');
  });
});
