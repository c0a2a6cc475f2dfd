// The schema of a zip package's manifest.json (docs/data-package.md). A module of its own so that
// zod is loaded when the first zip is read (package-containers.ts imports it on use), not by every
// command that opens a workspace.

import { z } from 'zod';

export const manifestSchema = z.object({
  formatVersion: z.string(),
  region: z.object({ code: z.string().regex(/^\d{6}$/), name: z.string().min(1) }),
  periods: z.array(z.string()).optional(),
  producer: z.string().optional(),
  createdAt: z.string().optional(),
  files: z
    .array(
      z.object({
        path: z.string(),
        table: z.enum(['institutions', 'indicators', 'region', 'institution', 'groups']),
        sha256: z.string().regex(/^[0-9a-fA-F]{64}$/),
      }),
    )
    .min(1),
});
export type Manifest = z.infer<typeof manifestSchema>;
