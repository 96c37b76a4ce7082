// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import ReactThreeTestRenderer from '@react-three/test-renderer';
import { act } from '@react-three/fiber';
import {
  WebGLRenderer,
  type InstancedMesh,
  type Mesh,
  type MeshPhysicalMaterial,
  type Object3D,
} from 'three';
import { parseCatalog, type Build, type Catalog } from '../../core/catalog/index.ts';
import { partsFor } from './parts.ts';
import { ProductModel } from './product-model.tsx';

function load(name: string): Catalog {
  // jsdom replaces URL, so resolve from the project root (vitest's cwd)
  const text = readFileSync(join(process.cwd(), 'configs/catalogs', `${name}.json`), 'utf8');
  return parseCatalog(text, `configs/catalogs/${name}.json`);
}
const pc = load('pc');
const car = load('car');

// @react-three/test-renderer 11 chains `createRoot(canvas).configure(...).render(...)`, but fiber 9's configure
// returns a promise (render waits for it by itself). Until test-renderer catches up, hand it the root back.
type Root = { configure: (props: unknown) => Promise<unknown>; render: (el: unknown) => unknown };
const fiberCjs = createRequire(join(process.cwd(), 'package.json'))('@react-three/fiber') as {
  createRoot: (canvas: unknown) => Root;
};
const createRoot = fiberCjs.createRoot;
let lastRoot: Root | undefined;
fiberCjs.createRoot = (canvas) => {
  const root = createRoot(canvas);
  lastRoot = root;
  return Object.assign(Object.create(root) as Root, {
    configure: (props: unknown) => {
      void root.configure(props);
      return root;
    },
  });
};

// Its mock WebGL context also predates calls three r187 makes (texImage3D, ...): answer any missing one with a no-op.
function renderer3(defaults: { canvas: unknown }) {
  const canvas = defaults.canvas as HTMLCanvasElement;
  const context = canvas.getContext('webgl2') as unknown as Record<string | symbol, unknown>;
  const lenient = new Proxy(context, { get: (target, key) => (key in target ? target[key] : () => ({})) });
  return new WebGLRenderer({
    canvas,
    context: lenient as unknown as WebGL2RenderingContext,
  });
}

// React's act() warns unless told it runs in a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Rendered = Awaited<ReturnType<typeof ReactThreeTestRenderer.create>>;
type ReactThreeTestInstance = Rendered['scene'];
let renderer: Rendered | undefined;
afterEach(async () => {
  await renderer?.unmount();
  renderer = undefined;
});

async function render(catalog: Catalog, build: Build) {
  renderer = await ReactThreeTestRenderer.create(
    <ProductModel product={catalog.id} parts={partsFor(catalog, build)} />,
    { gl: renderer3 },
  );
  return renderer;
}

/** Renders new props through the root, as the Canvas does (test-renderer's update() would drop fiber's context). */
async function rerender(catalog: Catalog, build: Build) {
  await act(async () => {
    lastRoot?.render(<ProductModel product={catalog.id} parts={partsFor(catalog, build)} />);
  });
}

// test-renderer 11's find* walk fiber 8's internals; the three.js scene graph itself is the stable thing to query.
const objects = (root: ReactThreeTestInstance, name: string) =>
  (root.instance as Object3D).getObjectsByProperty('name', name);
const named = (root: ReactThreeTestInstance, name: string) =>
  objects(root, name).filter((o): o is Mesh => (o as Mesh).isMesh === true);
const visibleInWorld = (object: Object3D) => {
  for (let o: Object3D | null = object; o; o = o.parent) if (!o.visible) return false;
  return true;
};

const pcBuild: Build = {
  case: { 'case-fractal-north': 1 },
  motherboard: { 'mb-msi-mag-z790-tomahawk-wifi': 1 },
  cooler: { 'cooler-noctua-nh-d15-g2': 1 },
  memory: { 'mem-kingston-fury-ddr5-6000-2x16': 2 },
  gpu: { 'gpu-asus-tuf-rtx5080': 1 },
  storage: { 'ssd-samsung-990-pro-2tb': 1 },
  psu: { 'psu-bequiet-pure-power-12m-850': 1 },
};

describe('the PC scene', () => {
  it('has one memory-stick mesh per module: a 2 × 16 GB kit taken twice is four sticks', async () => {
    const r = await render(pc, pcBuild);
    expect(named(r.scene, 'memory-stick')).toHaveLength(4);
    await rerender(pc, { ...pcBuild, memory: { 'mem-crucial-ddr5-5600-1x16': 1 } });
    expect(named(r.scene, 'memory-stick')).toHaveLength(1);
  });

  it('draws the graphics card as long as the chosen option', async () => {
    const r = await render(pc, pcBuild);
    const length = () => {
      const [mesh] = named(r.scene, 'gpu-shroud');
      if (!mesh) throw new Error('no GPU mesh');
      mesh.geometry.computeBoundingBox();
      const box = mesh.geometry.boundingBox;
      return box ? (box.max.z - box.min.z) * mesh.scale.z : 0;
    };
    expect(length()).toBeCloseTo(0.348, 3);
    await rerender(pc, { ...pcBuild, gpu: { 'gpu-msi-rtx5060-ventus-2x': 1 } });
    expect(length()).toBeCloseTo(0.197, 3);
    await rerender(pc, { ...pcBuild, gpu: {} });
    expect(named(r.scene, 'gpu-shroud')).toHaveLength(0);
  });

  it('draws the cooler the option describes: tower fins, or a pump and radiator', async () => {
    const r = await render(pc, pcBuild);
    // the plates are instances of one mesh per stack (one draw call each); count the plates, not the meshes
    const plates = named(r.scene, 'cooler-fin').reduce(
      (n, mesh) => n + ((mesh as InstancedMesh).isInstancedMesh ? (mesh as InstancedMesh).count : 1),
      0,
    );
    expect(plates).toBeGreaterThan(10);
    await rerender(pc, { ...pcBuild, cooler: { 'cooler-arctic-lf3-pro-360': 1 } });
    expect(named(r.scene, 'cooler-radiator')).toHaveLength(1);
    expect(named(r.scene, 'cooler-pump')).toHaveLength(1);
  });
});

const carBuild: Build = {
  model: { 'model-lumo-hatch': 1 },
  trim: { 'trim-style': 1 },
  paint: { 'paint-signal-red': 1 },
  wheels: { 'wheel-18-bergen': 1 },
  interior: { 'int-black': 1 },
};

describe('the car scene', () => {
  const paint = (r: Awaited<ReturnType<typeof render>>) => {
    const [body] = named(r.scene, 'car-body');
    if (!body) throw new Error('no car body');
    return body.material as MeshPhysicalMaterial;
  };

  it('paints the body in the chosen colour and finish, changing the one material in place', async () => {
    const r = await render(car, carBuild);
    const material = paint(r);
    expect(material.color.getHexString()).toBe('b3121b');
    expect(material.metalness).toBe(0);
    await rerender(car, { ...carBuild, paint: { 'paint-fjord-blue': 1 } });
    expect(paint(r)).toBe(material);
    expect(material.color.getHexString()).toBe('1f3a5c');
    expect(material.metalness).toBeGreaterThan(0.5);
  });

  it('has four wheels and toggles package details by visibility', async () => {
    const r = await render(car, carBuild);
    expect(objects(r.scene, 'wheel')).toHaveLength(4);
    const spoiler = () => {
      const [group] = objects(r.scene, 'spoiler');
      if (!group) throw new Error('no spoiler group');
      return group;
    };
    const before = spoiler();
    expect(visibleInWorld(before)).toBe(false);
    await rerender(car, { ...carBuild, packages: { 'pkg-sport': 1 } });
    expect(spoiler()).toBe(before);
    expect(visibleInWorld(before)).toBe(true);
  });
});
