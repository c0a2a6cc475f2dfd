// Bundles a fixture into one CommonJS file inside the project (so the child process resolves
// node_modules — zod, the native SQLite module — from here) for tests that kill a child process.
import { join } from 'node:path';
import { build } from 'esbuild';

export async function bundleFixture(entry: string, name: string): Promise<string> {
  const out = join(__dirname, '..', '..', 'test-output', `${name}-${process.pid}.cjs`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, packages: 'external', logLevel: 'silent' });
  return out;
}
