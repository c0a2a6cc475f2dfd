// The app writes Beijing time whatever the machine's time zone and the browser's locale (issue 32:
// the harness once fixed both, so 绩效评价's 「10:54 发布」 beside a footer of 18:54 was never caught).
// Run under UTC (with the browser in en-US) and under Asia/Shanghai: the page sees the zone and the
// locale it was given, and every date-time the app writes — on screen (import history), in a document
// (绩效评价's 发布 time) and in a file the services write (the audit log's CSV) — is the Beijing time of
// the stored instant.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportAudit } from '../../electron/services/audit/audit-export';
import { allRows } from '../../electron/services/db/connection';
import { dispatch } from '../../electron/services/host/dispatch';
import { closeBrowser, openApp } from './harness';

/** The Beijing wall clock of an instant, computed here by hand: UTC + 8 h, no daylight saving. */
function beijing(iso: string): string {
  const b = new Date(Date.parse(iso) + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${b.getUTCFullYear()}年${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${p(b.getUTCHours())}:${p(b.getUTCMinutes())}`;
}

afterAll(() => closeBrowser());

describe('date-times in Beijing time under any machine time zone', () => {
  for (const [timezone, locale] of [
    ['UTC', 'en-US'],
    ['Asia/Shanghai', 'zh-CN'],
  ] as const)
    it(`under ${timezone} with the browser in ${locale}`, async () => {
      const h = await openApp({ timezone, locale });
      try {
        const seen = await h.page.evaluate(() => ({ language: navigator.language, zone: Intl.DateTimeFormat().resolvedOptions().timeZone }));
        expect(seen).toEqual({ language: locale, zone: timezone });
        expect(new Date('2026-01-15T10:54:00Z').getTimezoneOffset(), 'the services run in the zone too').toBe(timezone === 'UTC' ? 0 : -480);

        // on screen: the demo import's time in the import history
        const [imp] = allRows<{ imported_at: string }>(h.session.db, 'SELECT imported_at FROM imports ORDER BY id LIMIT 1');
        await h.page.getByTestId('nav-import').click();
        const cell = h.page.getByTestId('import-history').locator('[col-id="importedAt"]').nth(1);
        await cell.waitFor();
        const shown = (await cell.textContent())!.trim();
        expect(shown).toBe(beijing(imp!.imported_at));

        // in a document the services write: 绩效评价's 「… 发布」 (the issue's 10:54 beside a footer of 18:54)
        const ctx = { session: h.session, actor: 'e2e测试', progress: () => undefined };
        const published = await dispatch('evaluation.publish', { period: '2025-12' }, ctx);
        expect(published.ok).toBe(true);
        const at = allRows<{ published_at: string }>(h.session.db, 'SELECT published_at FROM evaluation_rankings ORDER BY id DESC LIMIT 1')[0]!.published_at;
        const doc = await dispatch('reports.preview', { type: '绩效评价', period: '2025-12' }, ctx);
        expect(doc.ok).toBe(true);
        const text = JSON.stringify(doc.ok ? doc.value : null);
        expect(text).toContain(`本排名于 ${beijing(at)} 由 e2e测试 发布`);

        // in a file the services write: every time in the audit log's CSV
        const file = join(h.dir, 'audit.csv');
        await exportAudit(h.session.db, file, 'csv', 'e2e测试');
        const entries = allRows<{ at: string }>(h.session.db, 'SELECT at FROM audit_log ORDER BY id');
        const csv = readFileSync(file, 'utf8');
        for (const e of entries.slice(0, -1)) expect(csv, e.at).toContain(beijing(e.at));
      } finally {
        await h.close();
      }
    });
});
