// A row of tabs (role tablist): one place for the markup every page's tab bar shares.

export function Tabs<T extends string>({
  tabs,
  value,
  onChange,
  testIdPrefix,
  wide = false,
}: {
  tabs: readonly { id: T; label: string }[];
  value: T;
  onChange: (id: T) => void;
  /** each tab's test id is `${testIdPrefix}${id}` */
  testIdPrefix: string;
  wide?: boolean;
}) {
  return (
    <div className={`tabs${wide ? ' wide' : ''}`} role="tablist">
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          aria-selected={value === t.id}
          className={`tab${value === t.id ? ' active' : ''}`}
          data-testid={`${testIdPrefix}${t.id}`}
          onClick={() => onChange(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
