// The 「显示列」 chooser beside a grid: the columns the grid hid because they did not fit (or the person
// hid), each with a box to show or hide it again. A column shown here may make the table scroll
// sideways — the person asked for it.
import { useState } from 'react';

export interface ChooserColumn {
  id: string;
  title: string;
  shown: boolean;
  /** priority 1: the grid never hides it, so it is not offered */
  fixed: boolean;
}

export function GridColumnChooser({ columns, onToggle, testId }: { columns: ChooserColumn[]; onToggle: (id: string, show: boolean) => void; testId?: string }) {
  const [open, setOpen] = useState(false);
  const hidden = columns.filter((c) => !c.shown).length;
  return (
    <div className="grid-chooser" data-testid={testId ? `${testId}-chooser` : undefined}>
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open}>
        显示列{hidden ? `（已隐藏 ${hidden} 列）` : ''}
      </button>
      {open && (
        <div className="grid-chooser-menu" role="menu">
          {columns
            .filter((c) => !c.fixed)
            .map((c) => (
              <label key={c.id}>
                <input type="checkbox" checked={c.shown} onChange={(e) => onToggle(c.id, e.target.checked)} /> {c.title}
              </label>
            ))}
        </div>
      )}
    </div>
  );
}
