// 成员与抽选: the working group's members and terms, the member pool, the draw rules, the draw
// itself (freeze → seed → record, certificate) and the records of past draws.

import { useState } from 'react';
import { MembersTab } from './MembersTab';
import { PoolTab } from './PoolTab';
import { RulesTab } from './RulesTab';
import { DrawTab } from './DrawTab';
import { HistoryTab } from './HistoryTab';
import { MessageBanner } from '../../components/MessageBanner';
import { useAction } from '../../data/use-action';
import type { Run } from './run';
import { Tabs } from '../../components/Tabs';

type Tab = 'pool' | 'rules' | 'draw' | 'members' | 'history';

const TABS: { id: Tab; label: string }[] = [
  { id: 'members', label: '工作组成员' },
  { id: 'pool', label: '成员库' },
  { id: 'rules', label: '抽选规则' },
  { id: 'draw', label: '抽选' },
  { id: 'history', label: '抽选记录' },
];

export function MembersPage() {
  const [tab, setTab] = useState<Tab>('members');
  const action = useAction();
  const [replacement, setReplacement] = useState<{ memberId: number; name: string } | null>(null);
  // every command here may change the pool, the members and the draws
  const run: Run = (f, ok) => action.run(f, { ok, invalidate: ['pool', 'members', 'draw', 'audit'] });
  return (
    <section className="page" data-testid="page-members">
      <header className="page-head">
        <h1>成员与抽选</h1>
        <Tabs tabs={TABS} value={tab} onChange={(id) => (setTab(id), action.setMessage(null))} testIdPrefix="tab-" />
      </header>
      <MessageBanner message={action.message} testId="members-message" />
      {tab === 'members' && <MembersTab run={run} onReplace={(m) => (setReplacement(m), setTab('draw'))} />}
      {tab === 'pool' && <PoolTab run={run} />}
      {tab === 'rules' && <RulesTab run={run} />}
      {tab === 'draw' && <DrawTab run={run} replacement={replacement} onDone={() => setReplacement(null)} />}
      {tab === 'history' && <HistoryTab run={run} />}
    </section>
  );
}
