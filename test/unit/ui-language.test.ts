import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// What a convenor reads is Chinese: no English words in the renderer's visible text — JSX text,
// the strings shown inside JSX expressions, the placeholder/title/aria-label/headerName
// attributes and properties, and the messages given to ok:/message: — outside this allowlist of
// the terms the bureau itself uses. Parsed with the TypeScript compiler, not by pattern.
const ALLOW = new Set([
  'srmyy',
  // the export id's prefix, as printed on every page (LJD-…); file sizes
  'LJD',
  'KB',
  'MB',
  // the draw verifier's file name, which the certificate must name exactly (and the language it runs in)
  'verify',
  'draw',
  'py',
  'Python',
  'xlsx',
  'zip',
  'CSV',
  'ljd',
  'PDF',
  'Word',
  'Excel',
  'WPS',
  'DRG',
  'DIP',
  'CMI',
  'ADRG',
  'PNG',
  'SVG',
  'Esc',
  'PageUp',
  'PageDown',
  'Ctrl',
  'Enter',
]);
const SHOWN_PROPS = new Set(['placeholder', 'title', 'aria-label', 'label', 'headerName', 'ok', 'message', 'hint']);
const ROOT = join(__dirname, '..', '..', 'renderer', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.tsx') ? [p] : [];
  });
}

function stringsIn(node: ts.Node, out: string[]): void {
  const visit = (n: ts.Node): void => {
    // a literal compared with === / !== is a key, not a text
    if (ts.isBinaryExpression(n) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(n.operatorToken.kind)) return;
    if (ts.isJsxAttribute(n) && !SHOWN_PROPS.has(n.name.getText())) return;
    if (ts.isPropertyAssignment(n) && !SHOWN_PROPS.has(n.name.getText())) return;
    if (ts.isCaseClause(n)) return ts.forEachChild(n, (c) => (c === n.expression ? undefined : visit(c)));
    if (ts.isCallExpression(n)) return ts.forEachChild(n, (c) => (ts.isStringLiteral(c) ? undefined : visit(c)));
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
    else if (ts.isTemplateExpression(n)) out.push(n.head.text, ...n.templateSpans.map((s) => s.literal.text));
    ts.forEachChild(n, visit);
  };
  visit(node);
}

function visibleTexts(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: string[] = [];
  const walk = (n: ts.Node): void => {
    if (ts.isJsxText(n)) out.push(n.text);
    else if (ts.isJsxExpression(n) && n.parent && (ts.isJsxElement(n.parent) || ts.isJsxFragment(n.parent))) stringsIn(n, out);
    else if (ts.isJsxAttribute(n) && SHOWN_PROPS.has(n.name.getText()) && n.initializer) stringsIn(n.initializer, out);
    else if (ts.isPropertyAssignment(n) && SHOWN_PROPS.has(n.name.getText())) stringsIn(n.initializer, out);
    ts.forEachChild(n, walk);
  };
  walk(sf);
  return out;
}

describe('the UI speaks Chinese', () => {
  it.each(files(ROOT).map((f) => [f.slice(ROOT.length + 1), f]))('%s', (_name, file) => {
    const english = visibleTexts(file)
      .flatMap((t) => t.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [])
      .filter((w) => !ALLOW.has(w) && !/^[A-Z]$/.test(w));
    expect(english, english.join(' ')).toEqual([]);
  });
});
