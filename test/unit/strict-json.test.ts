// The strict reader of published draw files (docs/draw-algorithm.md §13): what JSON.parse accepts
// silently — a duplicate key, 1.0, 01-style numbers after a sign, trailing text, nesting deep enough to
// exhaust the stack — is an error that names the place; ordinary JSON reads as JSON.parse reads it.
import { expect, it } from 'vitest';
import { parseStrictJson } from '../../shared/draw/strict-json';

it('reads ordinary JSON as JSON.parse does and refuses what draw files may not contain', () => {
  expect(parseStrictJson('[[[[1]]]]')).toEqual({ value: [[[[1]]]] });
  expect(parseStrictJson('{"a":{"b":[1,2,{"c":null}]},"d":"\\u00e9\\"x"}')).toEqual({ value: { a: { b: [1, 2, { c: null }] }, d: 'é"x' } });
  expect('error' in parseStrictJson('['.repeat(100000))).toBe(true);
  // depth is nesting, not the number of objects: a long flat list of objects reads
  expect(parseStrictJson(JSON.stringify(Array.from({ length: 500 }, (_, k) => ({ k, v: [k] }))))).toEqual({
    value: Array.from({ length: 500 }, (_, k) => ({ k, v: [k] })),
  });
  expect('error' in parseStrictJson('{"a":1,"a":2}')).toBe(true);
  expect('error' in parseStrictJson('1.0')).toBe(true);
  expect('error' in parseStrictJson('01')).toBe(true);
  expect('error' in parseStrictJson('[1,]')).toBe(true);
  expect('error' in parseStrictJson('{"a":1}x')).toBe(true);
  expect(parseStrictJson(' -5 ')).toEqual({ value: -5 });
  expect('error' in parseStrictJson('"abc')).toBe(true);
  expect('error' in parseStrictJson('')).toBe(true);
});
