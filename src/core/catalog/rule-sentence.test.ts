import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import pcFile from '../../../configs/catalogs/pc.json';
import { arbitraryCatalog } from '../../../test/fixtures/arbitrary-catalog.ts';
import { validateCatalog, type Rule } from './index.ts';
import { catalogWords } from './texts.ts';
import { ruleSentence, type SentenceSay } from './rule-sentence.ts';

/** Fills a key's values in order, so that what the sentence says is visible without the interface texts. */
const say: SentenceSay = (key, values) => `‹${key} ${Object.values(values).join(' ¦ ')}›`;

const pc = validateCatalog(pcFile, 'configs/catalogs/pc.json');
const sentence = (rule: Rule) => ruleSentence({ words: catalogWords(pc, 'en'), say }, rule);

describe('ruleSentence', () => {
  it('states a compatible rule through its comparison', () => {
    const rule = pc.rules.find((r) => r.id === 'cpu-socket');
    if (!rule) throw new Error('no cpu-socket rule');
    expect(sentence(rule)).toBe(
      '‹compatibleEq ‹subject Processor ¦ CPU socket› ¦ ‹subject Motherboard ¦ CPU socket››',
    );
    // A label opening with its slot's name does not say the slot twice.
    const memory = pc.rules.find((r) => r.id === 'memory-type');
    expect(memory && sentence(memory)).toBe(
      '‹compatibleEq Memory type ¦ ‹subject Motherboard ¦ Memory type››',
    );
  });

  it('states a resource rule with its factor and symbol', () => {
    const rule: Rule = {
      id: 'power',
      kind: 'resource',
      sum: [
        { slot: 'cpu', attr: 'power' },
        { slot: 'gpu', attr: 'power' },
      ],
      op: '<=',
      limit: { slot: 'psu', attr: 'watts', factor: 0.8 },
    };
    expect(sentence(rule)).toBe(
      '‹resource ‹sumOne Power draw ¦ Processor and Graphics card› ¦ ≤ ¦ ‹limitFactor 0.8 ¦ ‹subject Power supply ¦ Rated output›››',
    );
    expect(sentence({ ...rule, limit: 500 })).toContain('500 W');
  });

  it('states requires in two moods: the condition, then what must follow', () => {
    const rule: Rule = {
      id: 'r',
      kind: 'requires',
      when: [{ slot: 'gpu', empty: true }],
      then: { slot: 'cpu', attr: 'socket', op: '!=', value: 'AM5' },
    };
    expect(sentence(rule)).toBe(
      '‹requires ‹condEmpty Graphics card› ¦ ‹mustAttr ‹subject Processor ¦ CPU socket› ¦ ‹reqNe AM5›››',
    );
  });

  it('never throws on a rule naming what the catalog lacks, and reads the ids', () => {
    const rule: Rule = {
      id: 'x',
      kind: 'compatible',
      left: { slot: 'nope', attr: 'zz' },
      op: '<',
      right: { slot: 'cpu', attr: 'tdp' },
    };
    expect(sentence(rule)).toContain('nope');
  });

  it('on random catalogs: every rule reads as a non-empty sentence naming each of its slots', () => {
    fc.assert(
      fc.property(arbitraryCatalog, (catalog) => {
        const words = catalogWords(catalog, 'en');
        for (const rule of catalog.rules) {
          const text = ruleSentence({ words, say }, rule);
          expect(text.length).toBeGreaterThan(0);
          const slots = new Set(
            rule.kind === 'compatible'
              ? [rule.left.slot, rule.right.slot]
              : rule.kind === 'resource'
                ? [
                    ...rule.sum.map((r) => r.slot),
                    ...(typeof rule.limit === 'number' ? [] : [rule.limit.slot]),
                  ]
                : (rule.kind === 'requires' ? [...rule.when, rule.then] : rule.all).map((c) => c.slot),
          );
          for (const slot of slots) expect(text).toContain(words.slotName(slot));
        }
      }),
    );
  });
});
