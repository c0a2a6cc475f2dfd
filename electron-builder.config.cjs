// Packaging (`npm run dist`). Runs on a user's or a build machine with network access to the
// Electron binary; not in CI here. Fuses turn off what an offline, confidential app never needs.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.liangjiadi.desktop',
  productName: '亮家底',
  directories: { output: 'release' },
  // the developers' scripts bundled beside the app are never shipped: the benchmark (it runs a
  // loopback HTTP server for its browser half), the Word-cost script, the demo maker and the draw
  // test-vector writer
  files: [
    'dist/node/**',
    'dist/renderer/**',
    'package.json',
    '!**/*.map',
    '!dist/node/bench.cjs',
    '!dist/node/word-cost.cjs',
    '!dist/node/make-demo.cjs',
    '!dist/node/draw-vectors.cjs',
  ],
  extraResources: [
    { from: 'resources/demo', to: 'demo' },
    // the independent draw verifier the certificate names, with the algorithm it checks
    { from: 'docs/verify_draw.py', to: '复核程序/verify_draw.py' },
    { from: 'docs/draw-algorithm.md', to: '复核程序/抽选算法说明.md' },
    // the CJK font embedded into every PDF report (Noto Sans SC, OFL-1.1): two weights, not the package's nine
    { from: 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', to: 'fonts/NotoSansSC-Regular.ttf' },
    { from: 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf', to: 'fonts/NotoSansSC-Bold.ttf' },
    { from: 'node_modules/@expo-google-fonts/noto-sans-sc/LICENSE_FONT', to: 'fonts/OFL.txt' },
  ],
  asar: true,
  // Worker threads are started from outside the asar archive. The database worker and the open
  // check's worker require() the production packages by name (SQLite), and Node looks for them only
  // in folders above its own file (app.asar.unpacked/...), never inside app.asar, so the packages
  // are unpacked beside it. The import's two helper workers and the draw's are bundled whole and need nothing
  // (packaging.test.ts checks).
  asarUnpack: [
    'dist/node/db.worker.cjs',
    'dist/node/open-check.worker.cjs',
    'dist/node/write-back.worker.cjs',
    'dist/node/summaries.worker.cjs',
    'dist/node/groups.worker.cjs',
    'dist/node/simulations.worker.cjs',
    'node_modules/**/*',
  ],
  publish: null,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  // the native module (SQLCipher build) is rebuilt for Electron and for each target architecture
  npmRebuild: true,
  nodeGypRebuild: false,
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // the workspaces are the user's data: uninstalling never deletes them
    deleteAppDataOnUninstall: false,
  },
  mac: { target: 'dmg' },
  // domestic Linux on government laptops (统信UOS, 麒麟) runs on x64 and arm64 (Phytium, Kunpeng)
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ],
    category: 'Office',
    maintainer: '亮家底',
    synopsis: '医保数据工作组：亮家底',
  },
  deb: { depends: ['libnss3', 'libgtk-3-0', 'libxss1', 'libasound2'] },
};
