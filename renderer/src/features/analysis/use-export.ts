// Exporting what a chart shows: the image (PNG or SVG, watermark included) or its data as a
// watermarked xlsx sheet, through the save dialog; the outcome goes to the page's banner.

import type { ExportColumn } from '../../../../shared/ipc/contracts/export';
import { api } from '../../api';
import { chartById, chartSvg } from '../../components/Chart';
import { useAction, type Message } from '../../data/use-action';

export function useExport(onMessage?: (m: Message) => void) {
  const action = useAction(onMessage);
  return {
    png: async (chartId: string, name: string) => {
      const chart = chartById(chartId);
      if (!chart) return;
      const { path, name: file } = await api.dialog.save({
        title: '导出图表',
        defaultName: `${name}.png`,
        filters: [
          { name: 'PNG 图片', extensions: ['png'] },
          { name: 'SVG 矢量图', extensions: ['svg'] },
        ],
      });
      if (!path) return;
      // the dialog answers with a token for the path, and the file's name (SVG or PNG by its ending)
      const dataUrl = (file ?? '').toLowerCase().endsWith('.svg')
        ? `data:image/svg+xml,${encodeURIComponent(chartSvg(chart))}`
        : chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      await action.run(() => api.export.image({ path, dataUrl }), { ok: (r) => `图表已导出：${r.path}`, invalidate: ['audit'] });
    },
    xlsx: async (title: string, columns: ExportColumn[], rows: (string | number | null)[][]) => {
      const { path } = await api.dialog.save({ title: '导出数据', defaultName: `${title}.xlsx`, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
      if (!path) return;
      await action.run(() => api.export.table({ path, title, columns, rows }), { ok: (r) => `数据已导出：${r.path}`, invalidate: ['audit'] });
    },
  };
}
