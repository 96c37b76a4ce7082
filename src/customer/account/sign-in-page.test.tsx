// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { safeNext } from './form-errors.ts';
import { anna, renderApp, serve, unauthenticated, type Reply } from './test-kit.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const wrongPassword = {
  status: 401,
  body: { error: { code: 'invalid_credentials', message: 'Wrong e-mail or password.' } },
};

describe('SignInPage', () => {
  it('says clearly when the e-mail or password is wrong, and keeps the e-mail typed', async () => {
    serve({ 'GET /api/me': unauthenticated, 'POST /api/auth/sign-in': wrongPassword });
    renderApp('/sign-in');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('E-mail'), 'anna@example.com');
    await user.type(screen.getByLabelText('Password'), 'nope-nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('do not match an account');
    expect(screen.getByLabelText('E-mail')).toHaveValue('anna@example.com');
  });

  it('says how long to wait when sign-ins are locked (429), in the page language', async () => {
    serve({
      'GET /api/me': unauthenticated,
      'POST /api/auth/sign-in': {
        status: 429,
        body: {
          error: { code: 'too_many_requests', message: 'Too many', details: { retryAfterSeconds: 840 } },
        },
      },
    });
    renderApp('/sign-in');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('E-mail'), 'anna@example.com');
    await user.type(screen.getByLabelText('Password'), 'demo1234');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many failed sign-ins. Try again in 14 minutes.',
    );
  });

  it('signs in and goes back to the page that asked for it; the header then names the customer', async () => {
    let signedIn = false;
    const calls = serve({
      'GET /api/me': () => (signedIn ? { status: 200, body: anna } : unauthenticated),
      'POST /api/auth/sign-in': () => {
        signedIn = true;
        return { status: 200, body: anna };
      },
    });
    renderApp('/sign-in?next=%2Fconfigure%2Fpc%3Fb%3Dcpu%3Acpu-r5');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('E-mail'), ' Anna@Example.com ');
    await user.type(screen.getByLabelText('Password'), 'demo1234');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/configure/pc?b=cpu:cpu-r5'),
    );
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      email: 'Anna@Example.com',
      password: 'demo1234',
    });
    expect(await screen.findByRole('button', { name: /Anna Berger/ })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });

  it('never follows a next link off the site', () => {
    expect(safeNext('https://evil.example/')).toBe('/account');
    expect(safeNext('//evil.example/')).toBe('/account');
    expect(safeNext('/sign-in')).toBe('/account');
    expect(safeNext(null)).toBe('/account');
    expect(safeNext('/account/timeline')).toBe('/account/timeline');
  });
});

describe('SignUpPage', () => {
  it('checks the fields in the page language before sending, next to each field', async () => {
    const calls = serve({ 'GET /api/me': unauthenticated });
    renderApp('/sign-up');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('E-mail'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Enter your name.');
    expect(screen.getByLabelText('Name')).toHaveFocus();
    expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription(/Enter an e-mail address/);
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'Use at least 8 characters. At least 8 characters, not a common password.',
    );
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it("shows the server's field errors next to their fields", async () => {
    let reply: Reply = {
      status: 400,
      body: {
        error: {
          code: 'invalid_request',
          message: 'Invalid request — body.birthday: Invalid ISO date',
          issues: [{ path: 'body.birthday', message: 'Invalid ISO date' }],
        },
      },
    };
    const calls = serve({ 'GET /api/me': unauthenticated, 'POST /api/auth/sign-up': () => reply });
    renderApp('/sign-up');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Name'), 'Nina Neu');
    await user.type(screen.getByLabelText('E-mail'), 'nina@example.com');
    await user.type(screen.getByLabelText('Password'), 'password123');
    await user.type(screen.getByLabelText('Phone (optional)'), '+49 30 1234');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Invalid ISO date')).toBeInTheDocument();
    expect(screen.getByLabelText('Birthday (optional)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Birthday (optional)')).toHaveFocus();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Nina Neu',
      email: 'nina@example.com',
      password: 'password123',
      phone: '+49 30 1234',
      birthday: null,
      language: 'en',
      next: '/account',
    });

    reply = {
      status: 400,
      body: {
        error: {
          code: 'password_common',
          message: 'common',
          issues: [{ path: 'body.password', message: 'one of the most common passwords' }],
        },
      },
    };
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText(/on lists of common passwords/)).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveFocus();

    // The e-mail as password is refused before sending.
    const sent = calls.filter((c) => c.method === 'POST').length;
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'nina@example.com');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/Do not use your e-mail address/);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(sent);
  });

  it('takes the code from a quote link, sends it, and says next to the field when it is not valid', async () => {
    const calls = serve({
      'GET /api/me': unauthenticated,
      'POST /api/auth/sign-up': {
        status: 400,
        body: { error: { code: 'claim_code_invalid', message: 'No such code.' } },
      },
    });
    renderApp('/sign-up?claim=K7QM-2XPD-R4TA');
    const user = userEvent.setup();
    const code = await screen.findByLabelText('Code from your quote (optional)');
    expect(code).toHaveValue('K7QM-2XPD-R4TA');
    await user.type(screen.getByLabelText('Name'), 'Wanda Walk');
    await user.type(screen.getByLabelText('E-mail'), 'wanda@example.com');
    await user.type(screen.getByLabelText('Password'), 'password123');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    expect(code).toHaveAccessibleDescription(expect.stringContaining('not valid or has been used'));
    expect(code).toHaveFocus();
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ claimCode: 'K7QM-2XPD-R4TA' });
  });
});
