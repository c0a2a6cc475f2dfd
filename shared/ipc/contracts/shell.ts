// What only Electron's main process can do: native file dialogs and printing the page to PDF. The
// dialogs answer with a token for the chosen path (electron/main/path-grants.ts) and its file name.

import { z } from 'zod';
import { fileFilter, filePath, inMain, returns, twoPerson, type DomainContract } from './common';

/** path: a token the other channels accept in place of the path; name: the file's name, for display */
export interface DialogAnswer {
  path: string | null;
  name?: string | null;
}

export const dialogContract = {
  'dialog.open': inMain(z.object({ title: z.string().max(60), filters: z.array(fileFilter).max(5) }).strict(), returns<DialogAnswer>()),
  'dialog.save': inMain(
    z.object({ title: z.string().max(60), defaultName: z.string().max(120), filters: z.array(fileFilter).max(5) }).strict(),
    returns<DialogAnswer>(),
  ),
  /** a folder (for a batch of files) */
  'dialog.folder': inMain(z.object({ title: z.string().max(60) }).strict(), returns<DialogAnswer>()),
} satisfies DomainContract<'dialog'>;

export const printContract = {
  /** prints the current page (print stylesheet) to a PDF file */
  'print.pdf': twoPerson(inMain(z.object({ path: filePath, landscape: z.boolean().optional() }).strict(), returns<{ path: string }>()), '打印为PDF'),
} satisfies DomainContract<'print'>;
