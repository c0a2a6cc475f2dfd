// The program's version, read from package.json at build time (esbuild and vite inline the JSON),
// so About, documents and audit entries never disagree with the package that was shipped.

import { version } from '../package.json';

export const appVersion: string = version;
