// The modules of electron/services/ depend one way — import/'s first of all: no two of them import
// each other, even for types only. ESLint's import-x/no-cycle skips `import type`, so a cycle made
// of type imports passes the lint; this walks every import and re-export (type-only ones included,
// as TypeScript's own pre-processor lists them) and fails on any cycle, naming its modules.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const SERVICES = join(ROOT, 'electron', 'services');

const tsFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });

/** module (path under the root, without .ts) → the modules under the root it imports */
function importGraph(root: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const name = (file: string) => relative(root, file).replace(/\.ts$/, '');
  for (const file of tsFiles(root)) {
    const edges = new Set<string>();
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = `${resolve(dirname(file), fileName)}.ts`;
      if (existsSync(target) && !relative(root, target).startsWith('..')) edges.add(name(target));
    }
    graph.set(name(file), edges);
  }
  return graph;
}

/** The cycles of a graph: its strongly connected components of more than one module, or a module importing itself (Tarjan). */
function cyclesOf(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.has(v)) out.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

describe('electron/services depends one way', () => {
  it('finds a cycle made of type imports (the check can fail)', () => {
    const g = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cyclesOf(g)).toEqual([['a', 'b', 'c']]);
  });

  const graph = importGraph(SERVICES);

  it('sees type-only imports and imports across folders', () => {
    expect(graph.size).toBeGreaterThan(100);
    // derive.ts imports IssueList as a type only; write-values.ts imports analysis/lookup.ts
    expect(graph.get('import/derive')).toContain('import/issues');
    expect(graph.get('import/write-values')).toContain('analysis/lookup');
  });

  it('has no two modules of import/ importing each other, types included', () => {
    const inImport = new Map([...graph].filter(([k]) => k.startsWith('import/')).map(([k, v]) => [k, new Set([...v].filter((t) => t.startsWith('import/')))]));
    expect(inImport.size).toBeGreaterThan(20);
    expect(cyclesOf(inImport).map((c) => c.join(' ↔ '))).toEqual([]);
  });

  it('has no cycle anywhere in the services, types included', () => {
    expect(cyclesOf(graph).map((c) => c.join(' ↔ '))).toEqual([]);
  });
});
