import type { Api } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** the typed service API from the preload (or the e2e bridge) */
    readonly api: Api;
    /** path of a dropped file (Electron only) */
    readonly files?: { grantDropped(file: File): Promise<string | null> };
  }
}

declare module '*.css';
