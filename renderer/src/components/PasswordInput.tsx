// A password field: never echoed, never autofilled from another site's memory; `fresh` marks a
// password being set (the browser may offer to generate one, never to fill an old one).

export function PasswordInput({
  value,
  onChange,
  placeholder,
  testId,
  fresh = false,
  autoFocus = false,
  onEnter,
}: {
  value: string;
  onChange: (v: string) => void;
  placeholder: string;
  testId?: string;
  fresh?: boolean;
  autoFocus?: boolean;
  onEnter?: () => void;
}) {
  return (
    <input
      type="password"
      autoComplete={fresh ? 'new-password' : 'off'}
      autoFocus={autoFocus}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onEnter ? (e) => e.key === 'Enter' && onEnter() : undefined}
      data-testid={testId}
    />
  );
}
