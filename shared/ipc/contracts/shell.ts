// What only Electron's main process can do: native file dialogs and printing the page to PDF.

import { z } from 'zod';
import { fileFilter, filePath, inMain, returns, type DomainContract } from './common';

export const dialogContract = {
  'dialog.open': inMain(z.object({ title: z.string().max(60), filters: z.array(fileFilter).max(5) }).strict(), returns<{ path: string | null }>()),
  'dialog.save': inMain(
    z.object({ title: z.string().max(60), defaultName: z.string().max(120), filters: z.array(fileFilter).max(5) }).strict(),
    returns<{ path: string | null }>(),
  ),
  /** a folder (for a batch of files) */
  'dialog.folder': inMain(z.object({ title: z.string().max(60) }).strict(), returns<{ path: string | null }>()),
} satisfies DomainContract<'dialog'>;

export const printContract = {
  /** prints the current page (print stylesheet) to a PDF file */
  'print.pdf': inMain(z.object({ path: filePath, landscape: z.boolean().optional() }).strict(), returns<{ path: string }>()),
} satisfies DomainContract<'print'>;
