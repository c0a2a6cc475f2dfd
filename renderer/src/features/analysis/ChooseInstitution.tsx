// What a chart that is about one hospital shows until a hospital is chosen (nothing is picked for
// the convenor).

export function ChooseInstitution() {
  return (
    <div className="card muted" data-testid="choose-institution">
      请在上方选择一家医疗机构。
    </div>
  );
}
