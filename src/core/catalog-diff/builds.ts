import type { Build } from '../catalog/build.ts';
import type { Catalog } from '../catalog/schema.ts';
import { solutionToBuild } from '../configurator/build-mapping.ts';
import { compileCatalog, type CatalogModel } from '../configurator/compile-catalog.ts';
import { compileModel } from '../engine/compile.ts';
import { exactCount } from '../engine/count.ts';
import type { Diagram } from '../engine/diagram.ts';
import type { Model } from '../engine/model.ts';
import { jointModel, type SideMap } from './joint-model.ts';

/**
 * Builds gained and lost between two catalogs (issue 18 §4), exactly: with A and B the builds of each and A∧B
 * those valid in both (joint-model.ts), lost = |A| − |A∧B| and gained = |B| − |A∧B|. An example of each is found
 * by descending A's (or B's) user variables, keeping at each step a value under which A still has more builds than
 * A∧B: two exact counts per value tried, so never a guess.
 */

export type DiffEffect = 'only-removes' | 'only-adds' | 'both' | 'neither';

export interface BuildsDiff {
  buildsBefore: bigint;
  buildsAfter: bigint;
  gained: bigint;
  lost: bigint;
  exampleGained: Build | null;
  exampleLost: Build | null;
  effect: DiffEffect;
}

export function effectOf(gained: bigint, lost: bigint): DiffEffect {
  if (gained > 0n && lost > 0n) return 'both';
  if (lost > 0n) return 'only-removes';
  return gained > 0n ? 'only-adds' : 'neither';
}

/** Same variables (names and values, in order) and same tables: the same builds, whatever the prices say. */
function sameModel(a: Model, b: Model): boolean {
  if (a.variables.length !== b.variables.length || a.constraints.length !== b.constraints.length)
    return false;
  const sameVariables = a.variables.every((v, x) => {
    const w = b.variables[x];
    return (
      w?.name === v.name && w.values.length === v.values.length && v.values.every((s, i) => w.values[i] === s)
    );
  });
  return (
    sameVariables &&
    a.constraints.every((c, i) => {
      const d = b.constraints[i];
      return (
        d !== undefined &&
        d.scope.length === c.scope.length &&
        c.scope.every((x, j) => d.scope[j] === x) &&
        d.rows.length === c.rows.length &&
        c.rows.every((v, j) => d.rows[j] === v)
      );
    })
  );
}

interface Side {
  cm: CatalogModel;
  d: Diagram;
  map: SideMap;
  count: bigint;
}

/**
 * A build of `side` that is not valid in both, found by descent.
 * Pre: side.count > common count. Post: a complete build of the side's catalog, valid there, not in the joint.
 */
function exampleOnlyIn(side: Side, joint: Diagram): Build {
  const own = new Map<number, number>();
  const mapped = new Map<number, number>();
  for (const x of side.cm.userVariables) {
    const size = side.cm.model.variables[x]?.values.length ?? 0;
    for (let v = 0; v < size; v++) {
      own.set(x, v);
      mapped.set(side.map.variable[x] as number, side.map.value[x]?.[v] as number);
      if (exactCount(side.d, own) > exactCount(joint, mapped)) break;
    }
  }
  const values = new Int32Array(side.cm.model.variables.length);
  for (const [x, v] of own) values[x] = v;
  return solutionToBuild(side.cm, values);
}

/**
 * The exact builds diff of two catalogs.
 * Pre: both passed validateCatalog. Post: counts exact (A and B's valid complete builds, builds being equal when
 * every slot holds the same options in the same quantities); `exampleLost` valid in `before` and not in `after`,
 * `exampleGained` the reverse, each null iff its count is 0.
 * @throws CatalogCompileError when a rule of either is too large to tabulate.
 */
export function buildsDiff(before: Catalog, after: Catalog): BuildsDiff {
  const [a, b] = [before, after].map((c) => {
    const cm = compileCatalog(c);
    const d = compileModel(cm.model, { order: cm.order });
    return { cm, d, count: exactCount(d) };
  }) as [Omit<Side, 'map'>, Omit<Side, 'map'>];
  if (sameModel(a.cm.model, b.cm.model))
    return {
      buildsBefore: a.count,
      buildsAfter: b.count,
      gained: 0n,
      lost: 0n,
      exampleGained: null,
      exampleLost: null,
      effect: 'neither',
    };
  const j = jointModel(a.cm, b.cm);
  const joint = compileModel(j.model, { order: j.order });
  const common = exactCount(joint);
  const [sa, sb] = [
    { ...a, map: j.sides[0] },
    { ...b, map: j.sides[1] },
  ];
  const lost = a.count - common;
  const gained = b.count - common;
  return {
    buildsBefore: a.count,
    buildsAfter: b.count,
    gained,
    lost,
    exampleGained: gained > 0n ? exampleOnlyIn(sb, joint) : null,
    exampleLost: lost > 0n ? exampleOnlyIn(sa, joint) : null,
    effect: effectOf(gained, lost),
  };
}
