// Files the app writes for a reader (exports, the audit log's copy) are readable by the account that
// made them only (0600): another account on a shared machine cannot open them.

import { chmodSync } from 'node:fs';

export function ownerOnly(path: string): void {
  try {
    chmodSync(path, 0o600);
  } catch {
    // a file system without permissions (a USB stick formatted FAT): nothing to narrow
  }
}
