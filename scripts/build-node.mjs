// Bundles the Node-side TypeScript (Electron main, preload, database worker and its helper workers, CLI, benchmark)
// with esbuild into dist/node. Runtime dependencies stay external (they are installed, and
// native ones must match the runtime); the sandboxed preload is bundled whole because a sandboxed
// preload can only require 'electron', and so are the import's two helper workers and the draw's (pure JS only).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';

const quiet = process.argv.includes('--quiet');
mkdirSync('dist/node', { recursive: true });
// the page inside every 机构数据包 (renderer/src/pack-viewer/), bundled once and put into the services
// as a string (electron/services/pack/viewer-script.ts), so the app never needs esbuild to make a pack
const viewer = await build({
  entryPoints: ['renderer/src/pack-viewer/main.ts'],
  bundle: true,
  format: 'iife',
  target: ['chrome80', 'firefox115'],
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  write: false,
  logLevel: quiet ? 'error' : 'info',
});
const packViewer = { __PACK_VIEWER__: JSON.stringify(viewer.outputFiles[0].text) };
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: quiet ? 'error' : 'info',
  legalComments: 'none',
};
await Promise.all([
  build({
    ...common,
    entryPoints: {
      'main.electron': 'electron/main/main.electron.ts',
      'db.worker': 'electron/services/host/db.worker.ts',
      'open-check.worker': 'electron/services/backup/open-check.worker.ts',
      'write-back.worker': 'electron/services/db/write-back.worker.ts',
      cli: 'electron/cli/cli.node.ts',
      bench: 'bench/bench.node.ts',
      'word-cost': 'bench/word-cost.node.ts',
      'make-demo': 'scripts/make-demo.node.ts',
      'draw-vectors': 'scripts/draw-vectors.node.ts',
    },
    outdir: 'dist/node',
    outExtension: { '.js': '.cjs' },
    packages: 'external',
    external: ['electron'],
    define: packViewer,
  }),
  // the import's helper workers are bundled whole, their pure-JS packages included: started from
  // app.asar.unpacked in the packaged app, they must not need to resolve anything inside app.asar
  build({
    ...common,
    entryPoints: {
      'summaries.worker': 'electron/services/analysis/summaries.worker.ts',
      'groups.worker': 'electron/services/import/groups.worker.ts',
      'simulations.worker': 'electron/services/draw/simulations.worker.ts',
    },
    outdir: 'dist/node',
    outExtension: { '.js': '.cjs' },
  }),
  build({
    ...common,
    entryPoints: { 'preload.electron': 'electron/preload/preload.electron.ts' },
    outdir: 'dist/node',
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    external: ['electron'],
  }),
]);
