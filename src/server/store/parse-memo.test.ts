import { describe, expect, it } from 'vitest';
import { parseMemo } from './parse-memo.ts';

describe('parse memo', () => {
  const counting = (maxEntries?: number) => {
    const parsed: string[] = [];
    const memo = parseMemo(
      (json) => {
        parsed.push(json);
        return JSON.parse(json) as { n: number };
      },
      maxEntries === undefined ? {} : { maxEntries },
    );
    return { memo, parsed };
  };

  it('parses a key’s text once; other text is parsed afresh', () => {
    const { memo, parsed } = counting();
    const first = memo.parse('a', '{"n":1}');
    expect(memo.parse('a', '{"n":1}')).toBe(first);
    expect(memo.parse('a', '{"n":2}')).toEqual({ n: 2 });
    expect(memo.parse('b', '{"n":2}')).toEqual({ n: 2 });
    expect(parsed).toEqual(['{"n":1}', '{"n":2}', '{"n":2}']);
  });

  it('takes a written value as the parse of its text', () => {
    const { memo, parsed } = counting();
    const written = { n: 3 };
    memo.keep('a', JSON.stringify(written), written);
    expect(memo.parse('a', '{"n":3}')).toBe(written);
    expect(parsed).toEqual([]);
  });

  it('drops the least recently used key past maxEntries', () => {
    const { memo, parsed } = counting(2);
    memo.parse('a', '1');
    memo.parse('b', '2');
    memo.parse('a', '1');
    memo.parse('c', '3');
    memo.parse('a', '1');
    memo.parse('b', '2');
    expect(parsed).toEqual(['1', '2', '3', '2']);
  });
});
