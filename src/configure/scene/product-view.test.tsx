// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { i18n } from '../../ui/i18n/i18n.ts';
import { parseCatalog, type Catalog } from '../../core/catalog/index.ts';
import ProductView from './product-view.tsx';
import { ProductView3D } from './lazy.tsx';

function load(name: string): Catalog {
  // jsdom replaces URL, so resolve from the project root (vitest's cwd)
  const text = readFileSync(join(process.cwd(), 'configs/catalogs', `${name}.json`), 'utf8');
  return parseCatalog(text, `configs/catalogs/${name}.json`);
}
const pc = load('pc');
const car = load('car');

afterEach(async () => {
  await act(() => i18n.changeLanguage('en'));
  cleanup();
  vi.restoreAllMocks();
});

describe('ProductView without WebGL', () => {
  it('detects the missing WebGL before creating a canvas and lists the parts instead', () => {
    // jsdom has no WebGL: getContext answers null
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    render(
      <ProductView
        catalog={car}
        build={{
          model: { 'model-lumo-sportwagon': 1 },
          paint: { 'paint-fjord-blue': 1 },
          wheels: { 'wheel-18-bergen': 1 },
          packages: { 'pkg-sport': 1 },
        }}
      />,
    );
    expect(screen.queryByTestId('product-canvas')).not.toBeInTheDocument();
    const summary = screen.getByTestId('product-summary');
    const items = within(within(summary).getByRole('list')).getAllByRole('listitem');
    const text = items.map((item) => item.textContent);
    expect(text).toContain(
      'Body (estate, metallic paint, plain trim): Veyra Lumo Sportwagon (estate), Fjord Blue metallic',
    );
    expect(text.some((t) => t?.startsWith('Wheels (4 × 18 in alloy)'))).toBe(true);
    expect(text).toContain('Roof spoiler (Sport package)');
    expect(text).toContain('Roof rails');
  });

  it('lists a PC by its modules, memory sticks counted', () => {
    render(
      <ProductView
        webgl={false}
        catalog={pc}
        build={{
          case: { 'case-fractal-north': 1 },
          memory: { 'mem-kingston-fury-ddr5-6000-2x16': 2 },
          gpu: { 'gpu-nvidia-rtx5070-fe': 1 },
        }}
      />,
    );
    const list = screen.getByRole('list', { name: 'Aurora Desktop: parts shown' });
    expect(within(list).getByText(/^Case \(ATX, glass side panel\)/)).toBeInTheDocument();
    expect(within(list).getByText(/^Memory \(4 × module\)/)).toBeInTheDocument();
    expect(
      within(list).getByText('Graphics card (242 mm long): NVIDIA GeForce RTX 5070 Founders Edition 12 GB'),
    ).toBeInTheDocument();
  });

  it("names every part in the shopper's language, from the catalog's texts", async () => {
    const carTexts = JSON.parse(
      readFileSync(join(process.cwd(), 'configs/catalogs/texts/car.de.json'), 'utf8'),
    );
    const build = {
      model: { 'model-lumo-sportwagon': 1 },
      paint: { 'paint-fjord-blue': 1 },
      packages: { 'pkg-sport': 1 },
    };
    await act(() => i18n.changeLanguage('de'));
    render(<ProductView webgl={false} catalog={{ ...car, translations: { de: carTexts } }} build={build} />);
    const list = screen.getByRole('list', { name: 'Veyra Lumo: gezeigte Teile' });
    const text = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(text).toContain(
      'Karosserie (Kombi, Lack Metallic, Zierteile schlicht): Veyra Lumo Sportwagon (Kombi), Fjordblau Metallic',
    );
    expect(text).toContain('Dachspoiler (Sport-Paket)');
  });

  it('loads lazily behind a progress indicator', async () => {
    render(
      <ProductView3D quietMs={0} webgl={false} catalog={car} build={{ model: { 'model-lumo-hatch': 1 } }} />,
    );
    expect(screen.getByRole('progressbar', { name: 'Loading 3D view' })).toBeInTheDocument();
    expect(await screen.findByTestId('product-summary')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});
