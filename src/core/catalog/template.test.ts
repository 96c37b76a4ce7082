import { describe, expect, it } from 'vitest';
import { CatalogError, parseCatalogTexts, validateCatalog } from './load.ts';
import { parseTemplate, ruleConcerns, TemplateError } from './template.ts';
import type { Rule } from './schema.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';

const catalog = validateCatalog(miniCatalog(), 'mini.json');
const rule = (id: string) => catalog.rules.find((r) => r.id === id) as Rule;

function problemsOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as CatalogError).problems;
  }
  throw new Error('expected a CatalogError');
}

describe('rule message templates', () => {
  it('read names, attribute values and figures of what the rule concerns', () => {
    expect(
      parseTemplate('The {cpu} has {cpu.socket}; the {board} takes {board.socket}.', rule('socket-match')),
    ).toEqual([
      { text: 'The ' },
      { slot: 'cpu' },
      { text: ' has ' },
      { slot: 'cpu', attr: 'socket' },
      { text: '; the ' },
      { slot: 'board' },
      { text: ' takes ' },
      { slot: 'board', attr: 'socket' },
      { text: '.' },
    ]);
    expect(parseTemplate('{#parts}: {#total} > {#factor} of {psu.watts}', rule('power'))).toEqual([
      { figure: 'parts' },
      { text: ': ' },
      { figure: 'total' },
      { text: ' > ' },
      { figure: 'factor' },
      { text: ' of ' },
      { slot: 'psu', attr: 'watts' },
    ]);
  });

  it('know which slots and attributes each rule kind concerns', () => {
    const power = ruleConcerns(rule('power'));
    expect([...power.slots]).toEqual(['cpu', 'gpu', 'disk', 'psu']);
    expect([...(power.attrs.get('psu') ?? [])]).toEqual(['watts']);
    const excludes = ruleConcerns(rule('no-hdd-with-wifi'));
    expect([...excludes.slots]).toEqual(['disk', 'extras']);
    expect(excludes.attrs.get('disk')?.size).toBe(0);
  });

  it.each([
    ['{gpu}', 'socket-match', /concerns slots "cpu", "board" only/],
    ['{cpu.draw}', 'socket-match', /reads "socket" of "cpu" only/],
    ['{extras.socket}', 'no-hdd-with-wifi', /reads no attribute of "extras"/],
    ['{#total}', 'socket-match', /for resource rules only/],
    ['{#sum}', 'power', /unknown figure/],
    ['{#factor}', 'm2-slots', null],
    ['{cpu', 'socket-match', /never closed/],
    ['cpu}', 'socket-match', /without "\{"/],
    ['{}', 'socket-match', /empty placeholder/],
  ])('refuse %s in %s', (template, id, message) => {
    if (message === null) {
      expect(() => parseTemplate(template, rule(id))).not.toThrow();
      return;
    }
    expect(() => parseTemplate(template, rule(id))).toThrow(TemplateError);
    expect(() => parseTemplate(template, rule(id))).toThrow(message);
  });

  it('refuse {#factor} where the limit is a constant', () => {
    const constant = { ...rule('m2-slots'), limit: 4 } as Rule;
    expect(() => parseTemplate('{#factor}', constant)).toThrow(/limit read from a slot/);
  });

  it('are checked at load, with the JSON path, in the catalog and in its texts files', () => {
    const raw = miniCatalog();
    const socket = raw.rules?.[0];
    if (!socket) throw new Error('fixture changed');
    socket.message = 'The {cpu} needs {gpu.draw}.';
    expect(problemsOf(() => validateCatalog(raw, 'mini.json'))).toContainEqual({
      path: '$.rules[0].message',
      message: '{gpu.draw}: the rule concerns slots "cpu", "board" only (at character 17)',
    });
    const texts = JSON.stringify({ rules: { power: '{#parts} über {#limit} bei {cpu.socket}' } });
    expect(problemsOf(() => parseCatalogTexts(texts, 'texts/mini.de.json', catalog))).toEqual([
      {
        path: '$.rules.power',
        message: '{cpu.socket}: the rule reads "draw" of "cpu" only (at character 28)',
      },
    ]);
  });
});
