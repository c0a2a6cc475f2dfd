// The hospital a show highlights (H): typed as everywhere else in the app — name, code, full pinyin
// or initials, Enter takes the first match — rather than picked from a list of every hospital.

import type { Institution } from '../../../../shared/domain/types';
import { InstitutionSearch } from '../../components/InstitutionSearch';

export function InstitutionPicker({
  institutions,
  value,
  onChange,
  onClose,
}: {
  institutions: Institution[];
  value: string | null;
  onChange: (code: string | null) => void;
  onClose: () => void;
}) {
  return (
    <div className="modal" role="dialog" aria-label="选择机构" data-testid="present-picker">
      <h3>突出显示机构</h3>
      <InstitutionSearch
        institutions={institutions}
        value={value}
        autoFocus
        onChange={(code) => {
          onChange(code);
          if (code) onClose();
        }}
        testId="present-institution"
      />
      <div className="actions right">
        <button type="button" onClick={() => (onChange(null), onClose())} data-testid="present-institution-clear">
          不突出显示
        </button>
        <button type="button" className="primary" onClick={onClose}>
          确定
        </button>
      </div>
    </div>
  );
}
