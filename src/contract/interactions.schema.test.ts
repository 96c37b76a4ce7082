import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configEventSchema, postInteractionsBodySchema } from './interactions.schema.ts';

const ref = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const chose = fc.record({
  kind: fc.constant('config.chose'),
  catalogId: ref,
  catalogVersion: fc.constant('2026.11.0'),
  slotId: ref,
  optionId: ref,
});

describe('interaction payload parser', () => {
  it('accepts well-formed events and fills the default quantity', () => {
    fc.assert(fc.property(chose, (event) => configEventSchema.parse(event).kind === 'config.chose'));
    expect(
      configEventSchema.parse({
        kind: 'config.chose',
        catalogId: 'pc',
        catalogVersion: '2026.11.0',
        slotId: 'gpu',
        optionId: 'x',
      }),
    ).toMatchObject({ quantity: 1 });
  });

  it('never throws on arbitrary JSON, and refuses anything naming server-owned fields', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        (value) => typeof postInteractionsBodySchema.safeParse(value).success === 'boolean',
      ),
    );
    fc.assert(
      fc.property(
        chose,
        fc.constantFrom('customerId', 'channel', 'actor', 'at', 'createdAt'),
        fc.jsonValue(),
        (event, key, value) => !configEventSchema.safeParse({ ...event, [key]: value }).success,
      ),
    );
  });

  it('bounds a batch to 1…100 events', () => {
    const event = {
      kind: 'config.unchose',
      catalogId: 'pc',
      catalogVersion: '2026.11.0',
      slotId: 'gpu',
      optionId: 'x',
    };
    expect(postInteractionsBodySchema.safeParse({ events: [] }).success).toBe(false);
    expect(postInteractionsBodySchema.safeParse({ events: Array(100).fill(event) }).success).toBe(true);
    expect(postInteractionsBodySchema.safeParse({ events: Array(101).fill(event) }).success).toBe(false);
  });
});
