// A published draw file (record, announcement, chain) read exactly as docs/draw-algorithm.md §13
// allows: JSON whose objects have no duplicate key (JSON.parse keeps the last one silently, so two
// readers could see two different records) and whose numbers are written as canonical integers
// (no fraction, exponent, leading zero, -0 or value beyond 2^53: 8.0 and 8e0 would pass as 8).
// Pure: used by the verifier; docs/verify_draw.py applies the same rules.

import type { Canonical } from './canonical';

export type StrictJson = { value: Canonical } | { error: string };

const WS = new Set([' ', '\t', '\n', '\r']);
const INTEGER = /^-?(0|[1-9][0-9]*)$/;
/** deeper nesting than any draw file has is refused before the stack runs out */
const MAX_DEPTH = 64;

class StrictJsonError extends Error {}

/** Parses `text` as strict JSON; the error (in Chinese) names the offending key or number and its character offset. */
export function parseStrictJson(text: string): StrictJson {
  let i = 0;
  const fail = (why: string): never => {
    throw new StrictJsonError(`${why}（第 ${i + 1} 个字符处）`);
  };
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('字符串没有结束');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('字符串写法不正确');
    }
  };
  let depth = 0;
  const close = <T>(out: T): T => {
    i++;
    depth--;
    return out;
  };
  const value = (): Canonical => {
    skip();
    const c = text[i];
    if ((c === '{' || c === '[') && ++depth > MAX_DEPTH) fail(`嵌套超过 ${MAX_DEPTH} 层`);
    if (c === '{') {
      i++;
      const out: { [k: string]: Canonical } = {};
      const seen = new Set<string>();
      skip();
      if (text[i] === '}') return close(out);
      for (;;) {
        skip();
        if (text[i] !== '"') fail('对象的键应为字符串');
        const at = i;
        const k = str();
        if (seen.has(k)) {
          i = at;
          fail(`对象中的键“${k}”重复出现`);
        }
        seen.add(k);
        skip();
        if (text[i] !== ':') fail('键后应为冒号');
        i++;
        Object.defineProperty(out, k, { value: value(), enumerable: true, writable: true, configurable: true });
        skip();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return close(out);
        else fail('对象中缺少逗号或右花括号');
      }
    }
    if (c === '[') {
      i++;
      const out: Canonical[] = [];
      skip();
      if (text[i] === ']') return close(out);
      for (;;) {
        out.push(value());
        skip();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return close(out);
        else fail('数组中缺少逗号或右方括号');
      }
    }
    if (c === '"') return str();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const)
      if (text.startsWith(word, i)) return ((i += word.length), v);
    const m = /^-?[0-9][0-9.eE+-]*/.exec(text.slice(i, i + 40));
    if (!m) return fail('不是有效的 JSON 值');
    const n = Number(m[0]);
    if (!INTEGER.test(m[0]) || m[0] === '-0' || !Number.isSafeInteger(n)) fail(`数字“${m[0]}”不是规范的整数写法（只允许不带小数点、指数和前导零的整数）`);
    i += m[0].length;
    return n;
  };
  try {
    const v = value();
    skip();
    if (i !== text.length) fail('JSON 之后还有多余的内容');
    return { value: v };
  } catch (e) {
    if (e instanceof StrictJsonError) return { error: e.message };
    throw e;
  }
}
