import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';

const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

/**
 * The origin of the links the server mails. A mail goes to someone other than whoever made the request, so its
 * link must not follow a Host header the requester chose (or a confirmation token would be sent to their site):
 * PUBLIC_ORIGIN when set; without it only a loopback host is believed, which is the local demo.
 * @throws 503 `mail_origin_unset` on a server reached by another name without PUBLIC_ORIGIN.
 */
export function mailOrigin(request: FastifyRequest, publicOrigin: string | undefined): string {
  if (publicOrigin) return publicOrigin;
  if (LOOPBACK.test(request.host)) return `${request.protocol}://${request.host}`;
  throw new HttpError(
    503,
    'mail_origin_unset',
    'This server cannot send sign-up mails until PUBLIC_ORIGIN names its web address.',
  );
}
