import { z } from 'zod';
import { translationsSchema } from './texts.schema.ts';

/**
 * The catalog file format (configs/catalogs/*.json). Rules are data: the engine compiles them, nothing here is code.
 * Structural shape is checked by zod; cross references (slots, options, attributes named by rules) by
 * `checkReferences` in load.ts, so that every error names a JSON path.
 */

const id = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"');

const money = z.number().finite().min(-1_000_000).max(10_000_000);

export const attributeDefSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('number'),
    label: z.string().min(1),
    unit: z.string().optional(),
    /** Names for coded numbers, e.g. form-factor ranks { "2": "Micro-ATX" }: rules compare the number, people read the name. */
    valueLabels: z.record(z.string().regex(/^-?\d+(\.\d+)?$/), z.string().min(1)).optional(),
  }),
  z.strictObject({
    type: z.literal('enum'),
    label: z.string().min(1),
    values: z.array(z.string().min(1)).min(1),
  }),
  z.strictObject({ type: z.literal('boolean'), label: z.string().min(1) }),
]);
export type AttributeDef = z.infer<typeof attributeDefSchema>;

export const attributeValueSchema = z.union([z.number().finite(), z.string(), z.boolean()]);
export type AttributeValue = z.infer<typeof attributeValueSchema>;

export const optionSchema = z.strictObject({
  id,
  name: z.string().min(1),
  description: z.string().optional(),
  price: money,
  /** Cost to the company, for margins; never shown to customers. */
  cost: money.optional(),
  attributes: z.record(z.string(), attributeValueSchema).default({}),
  /** multi slots: how many of this option one build may hold. */
  maxQuantity: z.number().int().min(1).max(16).default(1),
  /** Hints for the 3D scene (node names, colours, sizes); never used for validity. */
  visual: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type Option = z.infer<typeof optionSchema>;

const quantitySchema = z
  .strictObject({ min: z.number().int().min(0), max: z.number().int().min(1).max(64) })
  .refine((q) => q.min <= q.max, { message: 'min must not exceed max' });

export const slotSchema = z.strictObject({
  id,
  name: z.string().min(1),
  description: z.string().optional(),
  group: id,
  /**
   * single: exactly one option (with `quantity`, one option taken min..max times, e.g. memory kits);
   * optional: none or one option; multi: any options, each up to its maxQuantity, total within `quantity`.
   */
  kind: z.enum(['single', 'optional', 'multi']),
  quantity: quantitySchema.optional(),
  options: z.array(optionSchema).min(1),
});
export type Slot = z.infer<typeof slotSchema>;

const comparison = z.enum(['==', '!=', '<', '<=', '>', '>=']);
export type Comparison = z.infer<typeof comparison>;

/** A test on one slot's choice; true when the slot's chosen option(s) match. */
export const conditionSchema = z.union([
  z.strictObject({ slot: id, option: id }),
  z.strictObject({ slot: id, anyOf: z.array(id).min(1) }),
  z.strictObject({ slot: id, attr: z.string().min(1), op: comparison, value: attributeValueSchema }),
  /** optional/multi slots: true when nothing is chosen (`empty: false`: something is). */
  z.strictObject({ slot: id, empty: z.boolean() }),
]);
export type Condition = z.infer<typeof conditionSchema>;

const attrRef = z.strictObject({ slot: id, attr: z.string().min(1) });
export type AttrRef = z.infer<typeof attrRef>;

const ruleBase = { id, message: z.string().optional() };

export const ruleSchema = z.discriminatedUnion('kind', [
  /** when every `when` condition holds, `then` must hold. */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('requires'),
    when: z.array(conditionSchema).min(1),
    then: conditionSchema,
  }),
  /** the conditions may not all hold together. */
  z.strictObject({ ...ruleBase, kind: z.literal('excludes'), all: z.array(conditionSchema).min(2) }),
  /**
   * left.attr op right.attr for the options chosen in both slots (e.g. cpu.socket == motherboard.socket).
   * Vacuous while either slot is empty; in multi slots every chosen option must satisfy it.
   */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('compatible'),
    left: attrRef,
    op: comparison,
    right: attrRef,
  }),
  /**
   * Σ attr × quantity over the chosen options of the `sum` slots, op the limit: a constant, or an attribute of
   * the option chosen in a slot times `factor` (e.g. 0.8 × PSU watts). A missing attribute counts as 0.
   */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('resource'),
    sum: z.array(attrRef).min(1),
    op: z.enum(['<=', '<', '==', '>=']),
    limit: z.union([z.number().finite(), attrRef.extend({ factor: z.number().positive().default(1) })]),
  }),
]);
export type Rule = z.infer<typeof ruleSchema>;

/** A bundle: choosing the package option forces the included options, which it prices at zero. */
export const packageSchema = z.strictObject({
  id,
  option: z.strictObject({ slot: id, option: id }),
  includes: z.array(z.strictObject({ slot: id, option: id })).min(1),
});
export type Package = z.infer<typeof packageSchema>;

/** A price adjustment applied when every condition holds (negative = discount). */
export const priceRuleSchema = z.strictObject({
  id,
  label: z.string().min(1),
  when: z.array(conditionSchema).min(1),
  amount: money,
});
export type PriceRule = z.infer<typeof priceRuleSchema>;

export const groupSchema = z.strictObject({ id, name: z.string().min(1) });

export const catalogSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(1),
  id,
  /** Stored with every build; bump on every published change. */
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.11.0'),
  name: z.string().min(1),
  description: z.string().min(1),
  currency: z.enum(['EUR', 'USD', 'GBP', 'CNY']),
  basePrice: money.default(0),
  attributes: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), attributeDefSchema),
  groups: z.array(groupSchema).min(1),
  slots: z.array(slotSchema).min(1),
  rules: z.array(ruleSchema).default([]),
  packages: z.array(packageSchema).default([]),
  priceRules: z.array(priceRuleSchema).default([]),
  /** The catalog's texts in other languages (English, the file's own, is the fallback). */
  translations: translationsSchema.optional(),
});
export type Catalog = z.infer<typeof catalogSchema>;
