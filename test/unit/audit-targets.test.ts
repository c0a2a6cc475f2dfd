import { describe, expect, it } from 'vitest';
import { auditTargetName } from '../../shared/domain/audit-targets';

// The audit log's objects on the settings page in words (issue 33: 「comment#5」 on screen).
describe('audit targets in words', () => {
  it('names numbered objects and the fixed ones, and leaves paths and codes as they are', () => {
    expect(auditTargetName('comment#5')).toBe('意见 5 号');
    expect(auditTargetName('meeting#12')).toBe('会议 12 号');
    expect(auditTargetName('draw#1')).toBe('抽选 1 号');
    expect(auditTargetName('rules')).toBe('抽选规则');
    expect(auditTargetName('on')).toBe('开启');
    expect(auditTargetName('/tmp/备份/demo.ljd')).toBe('/tmp/备份/demo.ljd');
    expect(auditTargetName('M00012')).toBe('M00012');
    expect(auditTargetName('unknown#3')).toBe('unknown#3');
  });
});
