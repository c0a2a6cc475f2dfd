// The numbered migration chain. Append only: a released migration never changes, a new schema
// change is a new file with the next number.
import type { WritableDb } from '../connection';
import * as m001 from './001_workspace';
import * as m002 from './002_data_package';
import * as m003 from './003_members';
import * as m004 from './004_analysis';
import * as m005 from './005_meetings';
import * as m006 from './006_settings';
import * as m007 from './007_reports';
import * as m008 from './008_evaluation';
import * as m009 from './009_draw_v2';
import * as m010 from './010_covering_indicator_index';
import * as m011 from './011_summaries';
import * as m012 from './012_drop_unread_group_index';
import * as m013 from './013_institutions_version';
import * as m014 from './014_drop_indicator_index';
import * as m015 from './015_export_chain_head';
import * as m016 from './016_rectification';
import * as m017 from './017_group_fingerprints';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Code for what SQL cannot do (data to transform), run after `sql` in the same transaction: if it
   * throws, the step is rolled back whole and the database stays at the previous version.
   */
  run?: (db: WritableDb) => void;
}

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013, m014, m015, m016, m017];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
