// Packaging (`npm run dist`). Runs on a user's or a build machine with network access to the
// Electron binary; not in CI here. Fuses turn off what an offline, confidential app never needs.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.liangjiadi.desktop',
  productName: '亮家底',
  directories: { output: 'release' },
  files: ['dist/node/**', 'dist/renderer/**', 'package.json', '!**/*.map'],
  extraResources: [{ from: 'resources/demo', to: 'demo' }],
  asar: true,
  // worker threads cannot start from inside an asar archive
  asarUnpack: ['dist/node/db.worker.cjs'],
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
  win: { target: 'nsis' },
  mac: { target: 'dmg' },
  linux: { target: 'AppImage', category: 'Office' },
};
