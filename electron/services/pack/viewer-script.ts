// The script of the pack's page (renderer/src/pack-viewer/), as one string the page inlines. The
// build (scripts/build-node.mjs) bundles it and puts it in as __PACK_VIEWER__; run from the sources
// (the tests, `npm run cli` through tsx) it is bundled here once with esbuild, the same way.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Esbuild from 'esbuild';

declare const __PACK_VIEWER__: string | undefined;

let cached: string | null = null;

export const VIEWER_BUILD = {
  bundle: true,
  format: 'iife',
  target: ['chrome80', 'firefox115'],
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  write: false,
} as const;

export function viewerScript(): string {
  if (cached !== null) return cached;
  if (typeof __PACK_VIEWER__ === 'string') return (cached = __PACK_VIEWER__);
  const require = createRequire(__filename);
  const esbuild = require('esbuild') as typeof Esbuild;
  const out = esbuild.buildSync({
    ...VIEWER_BUILD,
    target: [...VIEWER_BUILD.target],
    entryPoints: [join(__dirname, '../../../renderer/src/pack-viewer/main.ts')],
  });
  return (cached = out.outputFiles[0]!.text);
}
