import type { FastifyServerOptions } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from './app.ts';

const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  TRUST_PROXY: z.string().trim().optional(),
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .url('ALLOWED_ORIGINS: each entry a URL such as https://shop.example')
          .transform((url) => new URL(url).origin),
      ),
    ),
  COOKIE_SECRET: z.string().min(32, 'COOKIE_SECRET: at least 32 characters').optional(),
  SESSION_IDLE_HOURS_CUSTOMER: positiveInt.default(7 * 24),
  SESSION_IDLE_HOURS_STAFF: positiveInt.default(12),
  SIGN_IN_MAX_FAILURES: positiveInt.default(10),
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: positiveInt.default(50),
  GUEST_WRITES_PER_MINUTE: positiveInt.default(120),
  MAILBOX_VIEW: z.enum(['0', '1'], 'MAILBOX_VIEW: 0 or 1').optional(),
  HOST: z.string().optional(),
});

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'];

/**
 * TRUST_PROXY: unset or "false" believes no forwarding headers; "true" every hop (only when nothing but the proxy can
 * reach the server); a number, that many hops; otherwise a comma-separated list of proxy addresses or CIDRs.
 */
export function trustProxyOf(value: string | undefined): FastifyServerOptions['trustProxy'] {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    // What proxy-addr does with a hop count (Fastify's types take no number): believe the nearest `hops` hops.
    const hops = Number(value);
    return (_address: string, hop: number) => hop < hops;
  }
  return value.split(',').map((entry) => entry.trim());
}

/** The security settings of AppDeps from the environment. @throws a ZodError naming the bad variable. */
export function securityConfigFromEnv(
  env: NodeJS.ProcessEnv,
): Pick<AppDeps, 'trustProxy' | 'allowedOrigins' | 'cookieSecret' | 'idle' | 'rateLimits' | 'mailboxView'> {
  const e = envSchema.parse(env);
  return {
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    allowedOrigins: e.ALLOWED_ORIGINS,
    ...(e.COOKIE_SECRET ? { cookieSecret: e.COOKIE_SECRET } : {}),
    idle: {
      customerMs: e.SESSION_IDLE_HOURS_CUSTOMER * 3_600_000,
      staffMs: e.SESSION_IDLE_HOURS_STAFF * 3_600_000,
    },
    rateLimits: {
      accountFailures: e.SIGN_IN_MAX_FAILURES,
      addressFailures: e.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
      guestWritesPerMinute: e.GUEST_WRITES_PER_MINUTE,
    },
    // The demo mailbox hands out every sign-up link: by default only on a server that listens on loopback (the
    // local demo, main.ts's default HOST), where nobody else can read it.
    mailboxView: e.MAILBOX_VIEW ? e.MAILBOX_VIEW === '1' : LOOPBACK_HOSTS.includes(e.HOST ?? '127.0.0.1'),
  };
}
