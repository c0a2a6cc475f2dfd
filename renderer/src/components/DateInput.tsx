// A date field that is Chinese whatever the machine's locale (the browser's own date input shows
// mm/dd/yyyy on an English system): it holds the date as 2026年1月20日; type 2026-01-20, 2026/1/20 or
// 2026年1月20日, and it reads the date back beside the field until it leaves, then shows it as
// 2026年1月20日; it says so in Chinese when the date is not a real one.

import { useState } from 'react';
import { formatDateZh, parseDateInput } from '../../../shared/dates-parse';

export function DateInput({ value, onChange, label, testId }: { value: string; onChange: (iso: string) => void; label: string; testId?: string }) {
  const zh = (iso: string) => (iso ? formatDateZh(iso) : '');
  const [text, setText] = useState(zh(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // a new value from outside (another meeting chosen, a reset): show it
    setShown(value);
    setText(zh(value));
  }
  const parsed = parseDateInput(text);
  const bad = text.trim() !== '' && parsed === null;
  return (
    <span className="date-input">
      <input
        value={text}
        placeholder="例如 2026年1月20日"
        aria-label={label}
        aria-invalid={bad}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          const iso = parseDateInput(e.target.value);
          if (iso) {
            setShown(iso);
            onChange(iso);
          } else if (!e.target.value.trim()) {
            setShown('');
            onChange('');
          }
        }}
        onBlur={() => parsed && setText(zh(parsed))}
        size={12}
      />
      <span className={bad ? 'date-hint error' : 'date-hint'}>
        {bad ? '日期应为 2026年1月20日 的形式' : parsed && text.trim() !== zh(parsed) ? zh(parsed) : ''}
      </span>
    </span>
  );
}
