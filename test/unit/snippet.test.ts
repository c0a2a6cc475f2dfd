// The passage under a search hit: around the first match, case kept, starting and ending at a
// sentence's edge where one is near, and marked with … where it does not reach the text's ends.
import { describe, expect, it } from 'vitest';
import { snippetAround } from '../../shared/text/snippet';

describe('snippetAround', () => {
  it('starts after the sentence before and ends on the sentence’s full stop', () => {
    const text = '会议通报了11月数据。医院提出：关节置换病组的基准点数偏低，建议调整。医保局答复将研究。';
    expect(snippetAround(text, '基准点数')).toEqual({ before: '…关节置换病组的', hit: '基准点数', after: '偏低，建议调整。…' });
  });

  it('keeps the text’s own case, finds the term in any case, and marks no … at the text’s ends', () => {
    expect(snippetAround('DRG 入组率下降', 'drg')).toEqual({ before: '', hit: 'DRG', after: ' 入组率下降' });
  });

  it('cuts a long run without breaks at the window, with … on both sides', () => {
    const text = '甲'.repeat(100) + '目标' + '乙'.repeat(100);
    const s = snippetAround(text, '目标')!;
    expect(s.before).toBe('…' + '甲'.repeat(24));
    expect(s.after).toBe('乙'.repeat(40) + '…');
  });

  it('counts characters, not UTF-16 units, and gives null when the term is absent', () => {
    expect(snippetAround('𠀋𠀋医院', '医院')).toEqual({ before: '𠀋𠀋', hit: '医院', after: '' });
    expect(snippetAround('医院', '医保')).toBeNull();
    expect(snippetAround('医院', '  ')).toBeNull();
  });
});
