// The left navigation: one entry per page, in the order a month's work goes.

export type PageId = 'overview' | 'import' | 'members' | 'meetings' | 'reports' | 'settings';

const NAV: { id: PageId; label: string; icon: string }[] = [
  { id: 'overview', label: '数据总览', icon: '▦' },
  { id: 'import', label: '数据导入', icon: '⇪' },
  { id: 'members', label: '成员与抽选', icon: '☷' },
  { id: 'meetings', label: '会议与意见', icon: '✎' },
  { id: 'reports', label: '报告', icon: '▤' },
  { id: 'settings', label: '设置与审计', icon: '⚙' },
];

export function Sidebar({ page, onPage }: { page: PageId; onPage: (p: PageId) => void }) {
  return (
    <aside className="sidebar">
      <div className="brand">
        <div className="brand-name">亮家底</div>
        <div className="brand-sub">医保数据工作组</div>
      </div>
      <nav aria-label="主导航">
        {NAV.map((n) => (
          <button
            key={n.id}
            type="button"
            className={`nav-item${page === n.id ? ' active' : ''}`}
            aria-current={page === n.id ? 'page' : undefined}
            data-testid={`nav-${n.id}`}
            onClick={() => onPage(n.id)}
          >
            <span className="nav-icon" aria-hidden="true">
              {n.icon}
            </span>
            {n.label}
          </button>
        ))}
      </nav>
      <div className="sidebar-foot">离线运行 · 数据不出本机</div>
    </aside>
  );
}
