// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anna, renderApp, serve, unauthenticated } from './test-kit.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AccountMenu', () => {
  it('offers a guest "Sign in" that comes back to the current page', async () => {
    serve({ 'GET /api/me': unauthenticated });
    renderApp('/configure/pc?b=cpu:cpu-r5');
    expect(await screen.findByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/sign-in?next=%2Fconfigure%2Fpc%3Fb%3Dcpu%3Acpu-r5',
    );
  });

  it('opens with the keyboard, closes on Escape, and signs out', async () => {
    let signedIn = true;
    const calls = serve({
      'GET /api/me': () => (signedIn ? { status: 200, body: anna } : unauthenticated),
      'POST /api/auth/sign-out': () => {
        signedIn = false;
        return { status: 204 };
      },
    });
    renderApp('/configure/pc');
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: /Anna Berger/ });
    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: 'Your account' })).toHaveAttribute('href', '/account');
    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();

    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeVisible();
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/auth/sign-out')).toBe(true);
    // A public page stays as it was.
    expect(screen.getByTestId('location')).toHaveTextContent('/configure/pc');
  });

  it('leads home after signing out on an account page', async () => {
    let signedIn = true;
    serve({
      'GET /api/me': () => (signedIn ? { status: 200, body: anna } : unauthenticated),
      'POST /api/auth/sign-out': () => {
        signedIn = false;
        return { status: 204 };
      },
      'GET /api/me/timeline': { status: 200, body: { items: [], nextCursor: null } },
    });
    renderApp('/account/timeline');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Anna Berger/ }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/));
  });

  it('says when a guest’s builds were merged into the account on sign-in', async () => {
    serve({
      'GET /api/me': unauthenticated,
      'POST /api/auth/sign-in': { status: 200, body: { ...anna, merged: { builds: 2, interactions: 9 } } },
    });
    renderApp('/sign-in?next=%2Fconfigure%2Fpc');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('E-mail'), 'anna@example.com');
    await user.type(screen.getByLabelText('Password'), 'demo1234');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const note = await screen.findByRole('status');
    expect(note).toHaveTextContent('We added the 2 builds you saved before signing in to your account.');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/configure/pc'));
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
