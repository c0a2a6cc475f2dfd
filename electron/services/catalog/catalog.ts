// The workspace's catalog as stored: its indicators (built-in and the region's own, with what only
// code knows added from the built-in catalog) and its institutions. Read by the import, the
// analysis, the reports and the templates — one place, so none of them depends on another for it.

import { builtinIndicator, type IndicatorDef } from '../../../shared/catalog/indicators';
import type { Institution } from '../../../shared/domain/types';
import { allRows, type ReadableDb } from '../db/connection';

/** A row of the indicators table. */
export interface IndicatorRow {
  code: string;
  name: string;
  grp: string;
  parent: string | null;
  child_relation: 'sum' | 'subset' | null;
  frequency: IndicatorDef['frequency'];
  source: string;
  per_institution: number;
  unit: IndicatorDef['unit'];
  formula: string | null;
  additive: number;
  bounded01: number;
  official: number;
  builtin: number;
}

export function loadIndicators(db: ReadableDb): Map<string, IndicatorDef & { builtin: boolean }> {
  const rows = allRows<IndicatorRow>(db, 'SELECT * FROM indicators ORDER BY sort');
  return new Map(rows.map((r) => [r.code, rowToIndicator(r)]));
}

export function rowToIndicator(r: IndicatorRow): IndicatorDef & { builtin: boolean } {
  const d: IndicatorDef & { builtin: boolean } = {
    code: r.code,
    name: r.name,
    group: r.grp,
    parent: r.parent,
    frequency: r.frequency,
    source: r.source,
    perInstitution: r.per_institution === 1,
    unit: r.unit,
    additive: r.additive === 1,
    bounded01: r.bounded01 === 1,
    official: r.official === 1,
    builtin: r.builtin === 1,
  };
  if (r.child_relation) d.childRelation = r.child_relation;
  if (r.formula) d.formula = JSON.parse(r.formula) as NonNullable<IndicatorDef['formula']>;
  // properties only code knows (not stored per workspace) come from the built-in catalog
  const weightedBy = d.builtin ? builtinIndicator(d.code)?.weightedBy : undefined;
  if (weightedBy) d.weightedBy = weightedBy;
  return d;
}

export function loadInstitutions(db: ReadableDb): Map<string, Institution> {
  const rows = allRows<Institution>(db, 'SELECT code, name, level, type, ownership, payment FROM institutions');
  return new Map(rows.map((r) => [r.code, r]));
}
