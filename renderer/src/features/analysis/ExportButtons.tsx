export function ExportButtons({ onPng, onXlsx }: { onPng?: () => void; onXlsx: () => void }) {
  return (
    <div className="actions no-present">
      {onPng && (
        <button type="button" onClick={onPng} data-testid="export-png">
          导出图片
        </button>
      )}
      <button type="button" onClick={onXlsx} data-testid="export-xlsx">
        导出数据
      </button>
    </div>
  );
}
