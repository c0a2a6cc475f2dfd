// Choosing a hospital by typing: its name, code, full pinyin or initials (srmyy → 示范市人民医院),
// Enter takes the first match. Used wherever a hospital is chosen in front of the room — never
// guessed from what happens to be on screen.

import { pinyin } from 'pinyin-pro';
import { useMemo, useState } from 'react';
import type { Institution } from '../../../shared/domain/types';
import { matchInstitution } from './match-institution';

export function InstitutionSearch({
  institutions,
  value,
  onChange,
  testId = 'institution-search',
  autoFocus = false,
}: {
  institutions: Institution[];
  value: string | null;
  onChange: (code: string | null) => void;
  testId?: string;
  autoFocus?: boolean;
}) {
  const indexed = useMemo(
    () =>
      institutions.map((i) => ({
        ...i,
        py: pinyin(i.name, { toneType: 'none', type: 'array' }).join('').toLowerCase(),
        initials: pinyin(i.name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase(),
      })),
    [institutions],
  );
  const [q, setQ] = useState('');
  const matches = indexed.filter((i) => matchInstitution(q, i)).slice(0, 8);
  const chosen = indexed.find((i) => i.code === value);
  return (
    <div className="picker">
      <input
        placeholder="机构：输入名称、编码或拼音首字母（如 srmyy）"
        value={chosen && !q ? chosen.name : q}
        autoFocus={autoFocus}
        onChange={(e) => {
          setQ(e.target.value);
          if (!e.target.value) onChange(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && q && matches[0]) {
            e.preventDefault();
            e.stopPropagation();
            onChange(matches[0].code);
            setQ('');
          }
        }}
        data-testid={testId}
      />
      {q && (
        <ul className="picker-list" data-testid={`${testId}-matches`}>
          {matches.map((i) => (
            <li key={i.code} onMouseDown={() => (onChange(i.code), setQ(''))}>
              {i.name} <span className="muted">{i.code}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
