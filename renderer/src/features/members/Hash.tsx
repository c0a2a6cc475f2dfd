export function Hash({ label, value }: { label: string; value: string }) {
  return (
    <div className="hash">
      <div className="hash-label">{label}</div>
      <div className="hash-value" data-testid={`hash-${label}`}>
        {value ? value.match(/.{1,16}/g)!.join(' ') : '（无）'}
      </div>
    </div>
  );
}
