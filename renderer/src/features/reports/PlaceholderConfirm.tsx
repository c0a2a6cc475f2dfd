// Asked before an export while some of the convenor's text blocks are still 【待填写】: fill them in
// (back to the preview), leave those sections out, or keep the red 【待填写】 lines — nothing red
// goes out unasked (the service refuses an export that was not told: shared/reports/placeholders.ts).

import type { PlaceholderChoice } from '../../../../shared/reports/placeholders';

export function PlaceholderConfirm({ sections, onChoose, onBack }: { sections: string[]; onChoose: (c: PlaceholderChoice) => void; onBack: () => void }) {
  return (
    <div className="card placeholder-confirm" role="dialog" aria-label="尚有未填写的部分" data-testid="placeholder-confirm">
      <h3>还有 {sections.length} 部分未填写</h3>
      <p className="report-alert" data-testid="placeholder-sections">
        {sections.join('、')}
      </p>
      <p className="muted">未填写的部分在导出的文件中显示为红色的“【待填写】”。请先在下方预览中填写，或选择删去这些部分再导出。</p>
      <div className="toolbar">
        <span className="spacer" />
        <button type="button" className="primary" onClick={onBack} data-testid="placeholder-fill">
          返回填写
        </button>
        <button type="button" onClick={() => onChoose('drop')} data-testid="placeholder-drop">
          删去未填写的部分并导出
        </button>
        <button type="button" onClick={() => onChoose('keep')} data-testid="placeholder-keep">
          保留“【待填写】”并导出
        </button>
      </div>
    </div>
  );
}
