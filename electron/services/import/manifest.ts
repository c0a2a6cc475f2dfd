// manifest.json of a zip package: what it must say (the schema its text is checked against) and
// the type of a file it lists. Below both the zip reader (package-containers.ts) and the worker
// that reads the group-rows file (groups-parallel.ts), which pass those files between them.

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

/** One data file the manifest lists: its path in the zip, its table and its SHA-256. */
export type ManifestFile = Manifest['files'][number];
