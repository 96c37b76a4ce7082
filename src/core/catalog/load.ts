import type { z } from 'zod';
import {
  catalogSchema,
  type AttributeDef,
  type AttributeValue,
  type AttrRef,
  type Catalog,
  type Condition,
  type Slot,
} from './schema.ts';
import { catalogTextsSchema, type CatalogTexts } from './texts.schema.ts';
import { templateProblem } from './template.ts';

export interface CatalogProblem {
  /** JSON path into the file, e.g. `$.rules[3].when[0].slot`. */
  path: string;
  message: string;
}

/** A catalog file that cannot be used; names the file and every problem with its JSON path. */
export class CatalogError extends Error {
  readonly file: string;
  readonly problems: CatalogProblem[];
  constructor(file: string, problems: CatalogProblem[]) {
    const shown = problems.slice(0, 5).map((p) => `  ${p.path}: ${p.message}`);
    if (problems.length > 5) shown.push(`  … and ${problems.length - 5} more`);
    super(`${file}: invalid catalog\n${shown.join('\n')}`);
    this.name = 'CatalogError';
    this.file = file;
    this.problems = problems;
  }
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${acc}.${name}` : `${acc}[${JSON.stringify(name)}]`;
  }, '$');
}

function zodProblems(error: z.ZodError): CatalogProblem[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}

/** Where JSON.parse stopped, as line:column, from the position V8 reports. */
function jsonSyntaxProblem(text: string, error: unknown): CatalogProblem {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  if (!at) return { path: '$', message: `not valid JSON: ${message}` };
  const offset = Number(at[1]);
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return { path: '$', message: `not valid JSON at line ${line}, column ${column}: ${message}` };
}

/**
 * Parses and checks a catalog file's text.
 * @param file the name used in error messages (a path relative to the project is best).
 * @throws CatalogError naming the file and each problem's JSON path; never returns a half-checked catalog.
 */
export function parseCatalog(text: string, file: string): Catalog {
  return validateCatalog(parseJson(text, file), file);
}

/** @throws CatalogError naming the file and where JSON.parse stopped. */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CatalogError(file, [jsonSyntaxProblem(text, error)]);
  }
}

/** Checks an already-parsed value (e.g. a catalog posted by the editor). @throws CatalogError */
export function validateCatalog(raw: unknown, file: string): Catalog {
  const parsed = catalogSchema.safeParse(raw);
  if (!parsed.success) throw new CatalogError(file, zodProblems(parsed.error));
  const problems = checkReferences(parsed.data);
  if (problems.length > 0) throw new CatalogError(file, problems);
  return parsed.data;
}

function valueFits(def: AttributeDef, value: AttributeValue): string | undefined {
  switch (def.type) {
    case 'number':
      return typeof value === 'number'
        ? undefined
        : `must be a number (${def.label}), got ${JSON.stringify(value)}`;
    case 'boolean':
      return typeof value === 'boolean'
        ? undefined
        : `must be true or false (${def.label}), got ${JSON.stringify(value)}`;
    case 'enum':
      if (typeof value !== 'string')
        return `must be one of ${def.values.join(', ')}, got ${JSON.stringify(value)}`;
      return def.values.includes(value) ? undefined : `"${value}" is not one of ${def.values.join(', ')}`;
  }
}

/**
 * The declared attribute of that name. An own-key lookup: `catalog.attributes.constructor` would otherwise find
 * Object's constructor, and an undeclared attribute named like a prototype member would pass unreported.
 */
function declared(catalog: Catalog, name: string): AttributeDef | undefined {
  return Object.hasOwn(catalog.attributes, name) ? catalog.attributes[name] : undefined;
}

/** Cross-reference checks zod cannot express: ids, slots, options and attributes named by rules. */
export function checkReferences(catalog: Catalog): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const report = (path: PropertyKey[], message: string) => problems.push({ path: jsonPath(path), message });

  const seen = new Map<string, string>();
  const unique = (kind: string, value: string, path: PropertyKey[]) => {
    const key = `${kind}:${value}`;
    const first = seen.get(key);
    if (first) report(path, `duplicate ${kind} id "${value}" (first at ${first})`);
    else seen.set(key, jsonPath(path));
  };

  const groups = new Set<string>();
  catalog.groups.forEach((g, i) => {
    unique('group', g.id, ['groups', i, 'id']);
    groups.add(g.id);
  });

  const slots = new Map<string, Slot>();
  catalog.slots.forEach((slot, s) => {
    unique('slot', slot.id, ['slots', s, 'id']);
    slots.set(slot.id, slot);
    if (!groups.has(slot.group)) report(['slots', s, 'group'], `unknown group "${slot.group}"`);
    if (slot.kind === 'optional' && slot.quantity)
      report(['slots', s, 'quantity'], 'an optional slot takes no quantity');
    slot.options.forEach((option, o) => {
      // Option ids are unique across the whole catalog so that a URL or a saved build can name one alone.
      unique('option', option.id, ['slots', s, 'options', o, 'id']);
      if (slot.kind !== 'multi' && option.maxQuantity !== 1)
        report(['slots', s, 'options', o, 'maxQuantity'], `only options of multi slots take a maxQuantity`);
      for (const [name, value] of Object.entries(option.attributes)) {
        const def = declared(catalog, name);
        const path = ['slots', s, 'options', o, 'attributes', name];
        if (!def) report(path, `unknown attribute "${name}" (declare it in $.attributes)`);
        else {
          const wrong = valueFits(def, value);
          if (wrong) report(path, wrong);
        }
      }
    });
  });

  const slotAt = (slotId: string, path: PropertyKey[]): Slot | undefined => {
    const slot = slots.get(slotId);
    if (!slot) report(path, `unknown slot "${slotId}"`);
    return slot;
  };
  const optionAt = (slot: Slot, optionId: string, path: PropertyKey[]) => {
    if (!slot.options.some((o) => o.id === optionId))
      report(path, `unknown option "${optionId}" in slot "${slot.id}"`);
  };
  const attrAt = (name: string, path: PropertyKey[]): AttributeDef | undefined => {
    const def = declared(catalog, name);
    if (!def) report(path, `unknown attribute "${name}"`);
    return def;
  };

  const checkCondition = (c: Condition, path: PropertyKey[]) => {
    const slot = slotAt(c.slot, [...path, 'slot']);
    if (!slot) return;
    if ('option' in c) optionAt(slot, c.option, [...path, 'option']);
    else if ('anyOf' in c) c.anyOf.forEach((o, i) => optionAt(slot, o, [...path, 'anyOf', i]));
    else if ('empty' in c) {
      if (slot.kind === 'single')
        report([...path, 'empty'], `slot "${slot.id}" is single-choice and never empty`);
    } else {
      const def = attrAt(c.attr, [...path, 'attr']);
      if (!def) return;
      const wrong = valueFits(def, c.value);
      if (wrong) report([...path, 'value'], wrong);
      if (def.type !== 'number' && c.op !== '==' && c.op !== '!=')
        report([...path, 'op'], `"${c.op}" needs a number attribute; "${c.attr}" is ${def.type}`);
    }
  };
  const checkAttrRef = (ref: AttrRef, path: PropertyKey[]): AttributeDef | undefined => {
    slotAt(ref.slot, [...path, 'slot']);
    return attrAt(ref.attr, [...path, 'attr']);
  };

  catalog.rules.forEach((rule, r) => {
    const at = (...rest: PropertyKey[]) => ['rules', r, ...rest];
    unique('rule', rule.id, at('id'));
    const wrong = rule.message === undefined ? undefined : templateProblem(rule, rule.message);
    if (wrong) report(at('message'), wrong);
    switch (rule.kind) {
      case 'requires':
        rule.when.forEach((c, i) => checkCondition(c, at('when', i)));
        checkCondition(rule.then, at('then'));
        break;
      case 'excludes':
        rule.all.forEach((c, i) => checkCondition(c, at('all', i)));
        break;
      case 'compatible': {
        const left = checkAttrRef(rule.left, at('left'));
        const right = checkAttrRef(rule.right, at('right'));
        if (left && right && left.type !== right.type)
          report(
            at('right', 'attr'),
            `compares ${left.type} "${rule.left.attr}" with ${right.type} "${rule.right.attr}"`,
          );
        if (left && left.type !== 'number' && rule.op !== '==' && rule.op !== '!=')
          report(at('op'), `"${rule.op}" needs number attributes; "${rule.left.attr}" is ${left.type}`);
        if (rule.left.slot === rule.right.slot) report(at('right', 'slot'), 'compares a slot with itself');
        break;
      }
      case 'resource': {
        rule.sum.forEach((ref, i) => {
          const def = checkAttrRef(ref, at('sum', i));
          if (def && def.type !== 'number')
            report(at('sum', i, 'attr'), `"${ref.attr}" is ${def.type}, not a number`);
        });
        if (typeof rule.limit !== 'number') {
          const def = checkAttrRef(rule.limit, at('limit'));
          if (def && def.type !== 'number')
            report(at('limit', 'attr'), `"${rule.limit.attr}" is ${def.type}, not a number`);
        }
        break;
      }
    }
  });

  catalog.packages.forEach((pkg, p) => {
    unique('package', pkg.id, ['packages', p, 'id']);
    const home = slotAt(pkg.option.slot, ['packages', p, 'option', 'slot']);
    if (home) optionAt(home, pkg.option.option, ['packages', p, 'option', 'option']);
    pkg.includes.forEach((inc, i) => {
      const slot = slotAt(inc.slot, ['packages', p, 'includes', i, 'slot']);
      if (slot) optionAt(slot, inc.option, ['packages', p, 'includes', i, 'option']);
      if (inc.slot === pkg.option.slot && home?.kind !== 'multi')
        report(['packages', p, 'includes', i, 'slot'], 'a package cannot include an option of its own slot');
    });
  });

  catalog.priceRules.forEach((pr, i) => {
    unique('price rule', pr.id, ['priceRules', i, 'id']);
    pr.when.forEach((c, j) => checkCondition(c, ['priceRules', i, 'when', j]));
  });

  for (const [language, texts] of Object.entries(catalog.translations ?? {}))
    if (texts) problems.push(...checkTexts(catalog, texts, ['translations', language]));

  return problems;
}

/**
 * Texts that name something the catalog lacks (a misspelt option id would otherwise be a translation nobody sees).
 * `at` prefixes every path: `[]` for a texts file of its own, `['translations', 'de']` inside a catalog.
 */
export function checkTexts(catalog: Catalog, texts: CatalogTexts, at: PropertyKey[] = []): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const known = (section: keyof CatalogTexts, ids: Iterable<string>) => {
    const have = new Set(ids);
    for (const id of Object.keys(texts[section] ?? {}))
      if (!have.has(id))
        problems.push({
          path: jsonPath([...at, section, id]),
          message: `the catalog has no ${section} "${id}"`,
        });
  };
  const ids: [keyof CatalogTexts, string[]][] = [
    ['groups', catalog.groups.map((g) => g.id)],
    ['slots', catalog.slots.map((s) => s.id)],
    ['options', catalog.slots.flatMap((s) => s.options.map((o) => o.id))],
    ['attributes', Object.keys(catalog.attributes)],
    ['priceRules', catalog.priceRules.map((r) => r.id)],
    ['rules', catalog.rules.map((r) => r.id)],
  ];
  for (const [section, list] of ids) known(section, list);
  const rules = new Map(catalog.rules.map((r) => [r.id, r]));
  for (const [id, template] of Object.entries(texts.rules ?? {})) {
    const rule = rules.get(id);
    const wrong = rule && templateProblem(rule, template);
    if (wrong) problems.push({ path: jsonPath([...at, 'rules', id]), message: wrong });
  }
  for (const [attr, t] of Object.entries(texts.attributes ?? {})) {
    const def = declared(catalog, attr);
    const values =
      def?.type === 'enum' ? def.values : def?.type === 'number' ? Object.keys(def.valueLabels ?? {}) : [];
    for (const value of Object.keys(t.values ?? {}))
      if (!values.includes(value))
        problems.push({
          path: jsonPath([...at, 'attributes', attr, 'values', value]),
          message: `"${value}" is not a value of "${attr}" that has a label`,
        });
  }
  return problems;
}

/**
 * Parses and checks a texts file (configs/catalogs/texts/<catalog>.<language>.json) against its catalog.
 * @throws CatalogError naming the texts file and each problem's JSON path.
 */
export function parseCatalogTexts(text: string, file: string, catalog: Catalog): CatalogTexts {
  const parsed = catalogTextsSchema.safeParse(parseJson(text, file));
  if (!parsed.success) throw new CatalogError(file, zodProblems(parsed.error));
  const problems = checkTexts(catalog, parsed.data);
  if (problems.length > 0) throw new CatalogError(file, problems);
  return parsed.data;
}
