// Makes the native SQLite module match the runtime that is about to load it:
//   node scripts/native.mjs node       before tests, the CLI and the benchmark (Node's ABI)
//   node scripts/native.mjs electron   before `npm start` and packaging (Electron's ABI)
// A marker beside the binary records which runtime it was built for, so switching costs one
// rebuild and staying costs nothing.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('用法: node scripts/native.mjs node|electron');
  process.exit(2);
}
const pkgDir = join(process.cwd(), 'node_modules', 'better-sqlite3-multiple-ciphers');
const marker = join(pkgDir, 'build', '.runtime');
const want =
  target === 'node'
    ? `node-${process.versions.modules}`
    : `electron-${JSON.parse(readFileSync(join(process.cwd(), 'node_modules', 'electron', 'package.json'), 'utf8')).version}`;
const have = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : '';

function loadsInNode() {
  try {
    const Database = require('better-sqlite3-multiple-ciphers');
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

if (target === 'node') {
  if (have === want && loadsInNode()) process.exit(0);
  if (have !== want && have === '' && loadsInNode()) {
    writeFileSync(marker, want);
    process.exit(0);
  }
  console.log('正在为 Node 编译 SQLite 模块（约1分钟）…');
  execSync('npm rebuild better-sqlite3-multiple-ciphers', { stdio: 'inherit' });
  if (!loadsInNode()) {
    console.error('SQLite 模块编译后仍无法加载，请检查 python3、make、g++ 是否已安装。');
    process.exit(1);
  }
  writeFileSync(marker, want);
} else {
  if (have === want) process.exit(0);
  console.log('正在为 Electron 编译 SQLite 模块…');
  execSync('npx electron-builder install-app-deps', { stdio: 'inherit' });
  writeFileSync(marker, want);
}
