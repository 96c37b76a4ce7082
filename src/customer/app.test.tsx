// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { ToConfigure } from './app.tsx';

function Where() {
  const location = useLocation();
  return <p data-testid="location">{location.pathname + location.search}</p>;
}

afterEach(cleanup);

describe('old links', () => {
  it('/catalog/:id opens the configure page of the product, with the link’s build', () => {
    render(
      <MemoryRouter initialEntries={['/catalog/pc?b=cpu:cpu-amd']}>
        <Routes>
          <Route path="/catalog/:catalogId" element={<ToConfigure />} />
          <Route path="/configure/:catalogId" element={<Where />} />
        </Routes>
      </MemoryRouter>,
    );
    expect(screen.getByTestId('location')).toHaveTextContent('/configure/pc?b=cpu:cpu-amd');
  });
});
