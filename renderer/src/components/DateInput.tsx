// A date field that is Chinese whatever the machine's locale (the browser's own date input shows
// mm/dd/yyyy on an English system): type 2026-01-20, 2026/1/20 or 2026年1月20日; it shows the date
// as 2026年1月20日 and says so in Chinese when the date is not a real one.

import { useState } from 'react';
import { formatDateZh, parseDateInput } from '../../../shared/dates-parse';

export function DateInput({ value, onChange, label, testId }: { value: string; onChange: (iso: string) => void; label: string; testId?: string }) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // a new value from outside (another meeting chosen, a reset): show it
    setShown(value);
    setText(value);
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
        onBlur={() => parsed && setText(parsed)}
        size={12}
      />
      <span className={bad ? 'date-hint error' : 'date-hint'}>{bad ? '日期应为 2026年1月20日 的形式' : parsed ? formatDateZh(parsed) : ''}</span>
    </span>
  );
}
