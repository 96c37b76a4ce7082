import { z } from 'zod';
import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import {
  mailboxQuerySchema,
  outboxListSchema,
  outboxParamsSchema,
  outboxQuerySchema,
} from '../../../contract/outbox.schema.ts';
import { HttpError } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import { markMailSent, recentMails, unsentMails } from '../../store/sign-up.repository.ts';
import type { OutboxMailRow } from '../../store/sign-up.table.ts';
import type { FastifyPluginAsync, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from '../../plugins/zod.ts';
import type { RouteDeps } from '../route-deps.ts';

const present = (m: OutboxMailRow) => ({
  id: m.id,
  to: m.to_email,
  subject: m.subject,
  body: m.body,
  link: m.link,
  createdAt: m.created_at,
  sentAt: m.sent_at,
});

/**
 * The outbox of mails (sign-up links). The server sends no mail itself: a relay (an integration with its bearer
 * token) takes the unsent ones and marks each sent, so a mail provider's outage loses nothing. With `mailboxView`
 * (MAILBOX_VIEW, the local demo), GET /dev/mailbox shows every mail to anyone, so a demo user can open their link.
 */
export const outboxRoutes: FastifyPluginAsync<
  RouteDeps & { mailboxView: boolean },
  RawServerDefault,
  ZodTypeProvider
> = async (app, { db, now, mailboxView }) => {
  app.get(
    '/outbox',
    {
      config: { access: access.integration },
      schema: {
        querystring: outboxQuerySchema,
        response: { 200: outboxListSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => ({ mails: (await unsentMails(db, request.query.limit)).map(present) }),
  );

  app.post(
    '/outbox/:mailId/sent',
    {
      config: { access: access.integration },
      schema: {
        params: outboxParamsSchema,
        response: {
          204: z.null(),
          401: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      if (!(await markMailSent(db, request.params.mailId, now())))
        throw new HttpError(404, 'not_found', 'No such mail in the outbox.');
      return reply.code(204).send(null);
    },
  );

  if (mailboxView)
    app.get(
      '/dev/mailbox',
      {
        config: { access: access.anyone },
        schema: { querystring: mailboxQuerySchema, response: { 200: outboxListSchema } },
      },
      async (request) => ({
        mails: (await recentMails(db, request.query.limit, request.query.to)).map(present),
      }),
    );
};
