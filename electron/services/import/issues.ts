// Collects errors and warnings with their place in the package. Lists are capped (a broken
// 100,000-row sheet must not produce 100,000 messages) but every issue is counted.

import type { ImportIssue, IssueLocation } from '../../../shared/domain/types';

export class IssueList {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  errorCount = 0;
  warningCount = 0;
  constructor(private readonly maxListed: number) {}

  error(code: string, loc: IssueLocation, message: string, hint: string): void {
    this.errorCount++;
    if (this.errors.length < this.maxListed) this.errors.push({ severity: 'error', code, ...loc, message, hint });
  }

  warn(code: string, loc: IssueLocation, message: string, hint: string): void {
    this.warningCount++;
    if (this.warnings.length < this.maxListed) this.warnings.push({ severity: 'warning', code, ...loc, message, hint });
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** The list as plain data (a worker thread's, handed over). */
  state(): IssueListState {
    return { errors: this.errors, warnings: this.warnings, errorCount: this.errorCount, warningCount: this.warningCount };
  }

  /** Another list's issues after this one's, as if recorded here in that order: listed up to the cap, all counted. */
  absorb(other: IssueListState): void {
    for (const e of other.errors) if (this.errors.length < this.maxListed) this.errors.push(e);
    for (const w of other.warnings) if (this.warnings.length < this.maxListed) this.warnings.push(w);
    this.errorCount += other.errorCount;
    this.warningCount += other.warningCount;
  }
}

export interface IssueListState {
  errors: ImportIssue[];
  warnings: ImportIssue[];
  errorCount: number;
  warningCount: number;
}

/** Thrown for a problem that stops reading the package at once (not a zip, a zip bomb, …). */
export class PackageFatal extends Error {
  constructor(readonly issue: Omit<ImportIssue, 'severity'>) {
    super(issue.message);
  }
}

/** "文件 a.xlsx，工作表“机构”，第 3 行，C 列（级别），值“三甲乙”" */
export function describeLocation(i: IssueLocation): string {
  const parts = [`文件 ${i.file}`];
  if (i.sheet) parts.push(/\.(csv|json|xml)$/.test(i.sheet) ? `文件内 ${i.sheet}` : `工作表“${i.sheet}”`);
  if (i.row !== undefined) parts.push(`第 ${i.row} 行`);
  if (i.column) parts.push(`${i.column} 列${i.header ? `（${i.header}）` : ''}`);
  else if (i.header) parts.push(`列“${i.header}”`);
  if (i.value !== undefined) parts.push(`值“${i.value}”`);
  return parts.join('，');
}
