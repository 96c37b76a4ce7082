// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anna, renderApp, serve, unauthenticated } from './test-kit.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TOKEN = 'a'.repeat(43);

describe('signing up by e-mailed link', () => {
  it('says to check the e-mail, the same whatever the address, with the demo mailbox when there is one', async () => {
    const calls = serve({
      'GET /api/me': unauthenticated,
      'POST /api/auth/sign-up': {
        status: 202,
        body: { status: 'confirm_email', email: 'nina@example.com', mailbox: '/dev/mailbox' },
      },
    });
    renderApp('/sign-up?next=%2Fconfigure%2Fpc');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Name'), 'Nina Neu');
    await user.type(screen.getByLabelText('E-mail'), 'nina@example.com');
    await user.type(screen.getByLabelText('Password'), 'password123');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('heading', { name: 'Check your e-mail' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('We sent a message to nina@example.com');
    expect(screen.getByRole('link', { name: 'Open the demo mailbox' })).toHaveAttribute(
      'href',
      '/dev/mailbox',
    );
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      next: '/configure/pc',
      language: 'en',
    });
    // Nobody is signed in yet: the page stays, and the form comes back for another address.
    expect(screen.getByTestId('location')).toHaveTextContent('/sign-up');
    await user.click(screen.getByRole('button', { name: 'Use another e-mail address' }));
    expect(await screen.findByLabelText('E-mail')).toHaveValue('nina@example.com');
  });

  it('opens the link once, signs in and goes where the sign-up started', async () => {
    let signedIn = false;
    const calls = serve({
      'GET /api/me': () => (signedIn ? { status: 200, body: anna } : unauthenticated),
      'POST /api/auth/confirm': () => {
        signedIn = true;
        return { status: 201, body: anna };
      },
    });
    renderApp(`/confirm-email?token=${TOKEN}&next=%2Fconfigure%2Fpc`);
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/configure/pc'));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      expect.objectContaining({ url: '/api/auth/confirm', body: { token: TOKEN } }),
    ]);
    expect(await screen.findByRole('button', { name: /Anna Berger/ })).toBeInTheDocument();
  });

  it('says why a used or old link does not work and offers to sign up again', async () => {
    serve({
      'GET /api/me': unauthenticated,
      'POST /api/auth/confirm': {
        status: 400,
        body: { error: { code: 'confirm_link_invalid', message: 'unknown' } },
      },
    });
    renderApp(`/confirm-email?token=${TOKEN}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('older than 24 hours');
    expect(screen.getByRole('link', { name: 'Sign up again' })).toHaveAttribute('href', '/sign-up');
  });

  it('the demo mailbox lists the mails with their links, and says when the server keeps it closed', async () => {
    serve({
      'GET /api/me': unauthenticated,
      'GET /api/dev/mailbox': {
        status: 200,
        body: {
          mails: [
            {
              id: 'm1',
              to: 'nina@example.com',
              subject: 'Confirm your e-mail to finish your account',
              body: 'Hello Nina,\n\nOpen this link…',
              link: `http://127.0.0.1:3000/confirm-email?token=${TOKEN}`,
              createdAt: '2026-12-06T10:00:00.000Z',
              sentAt: null,
            },
          ],
        },
      },
    });
    renderApp('/dev/mailbox');
    const mail = await screen.findByRole('article', { name: 'Confirm your e-mail to finish your account' });
    expect(mail).toHaveTextContent('nina@example.com');
    expect(within(mail).getByRole('link', { name: 'Open the link' })).toHaveAttribute(
      'href',
      `http://127.0.0.1:3000/confirm-email?token=${TOKEN}`,
    );
    cleanup();
    serve({
      'GET /api/me': unauthenticated,
      'GET /api/dev/mailbox': {
        status: 404,
        body: { error: { code: 'not_found', message: 'Route not found' } },
      },
    });
    renderApp('/dev/mailbox');
    expect(await screen.findByText(/does not show its mailbox/)).toBeInTheDocument();
  });
});
