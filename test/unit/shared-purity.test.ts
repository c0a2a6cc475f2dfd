import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// shared/ is used by the renderer and by Node: it must not import Node, Electron or the DOM's
// platform APIs (the renderer's tsconfig, which has no Node types, enforces the types side).
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('shared/ is pure TypeScript', () => {
  const root = join(__dirname, '..', '..', 'shared');
  it.each(files(root).map((f) => [f.slice(root.length + 1), f]))('%s imports only shared code and zod', (_name, file) => {
    const src = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    const imports = [...src.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
    for (const i of imports) expect(i.startsWith('.') || i === 'zod', `${file}: ${i}`).toBe(true);
    expect(src).not.toMatch(/\brequire\(|\bprocess\.\w|\bwindow\.\w|\bdocument\.\w|\bBuffer\b/);
  });
});
