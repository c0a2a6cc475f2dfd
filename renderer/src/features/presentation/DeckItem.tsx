// One page of the deck: its number and name (renamed in place), moved up or down, presented from
// here, or removed.

import { useState } from 'react';
import type { View } from './Presentation';

export function DeckItem(props: {
  no: number;
  view: View;
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
  onRename: (name: string) => Promise<unknown>;
  onPresent: () => void;
  onRemove: () => void;
}) {
  const { no, view, first, last } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const save = async () => {
    if (editing === null) return;
    const name = editing.trim();
    if (name && name !== view.name) await props.onRename(name);
    setEditing(null);
  };
  return (
    <li data-testid={`deck-item-${no}`}>
      <span className="deck-no">{no}</span>
      {editing === null ? (
        <span className="deck-name" data-testid="deck-name">
          {view.name}
        </span>
      ) : (
        <input
          className="deck-name"
          autoFocus
          maxLength={80}
          value={editing}
          aria-label="页面名称"
          onChange={(e) => setEditing(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save();
            if (e.key === 'Escape') setEditing(null);
          }}
          onBlur={() => void save()}
          data-testid="deck-rename-input"
        />
      )}
      <button type="button" onClick={() => setEditing(view.name)} data-testid="deck-rename">
        重命名
      </button>
      <button type="button" disabled={first} onClick={() => props.onMove(-1)} aria-label="上移" title="上移" data-testid="deck-up">
        ↑
      </button>
      <button type="button" disabled={last} onClick={() => props.onMove(1)} aria-label="下移" title="下移" data-testid="deck-down">
        ↓
      </button>
      <button type="button" onClick={props.onPresent}>
        从此页开始
      </button>
      <button type="button" onClick={props.onRemove}>
        移除
      </button>
    </li>
  );
}
