import { z } from 'zod';

/** A mail in the outbox, as the mail relay and the demo mailbox read it. */
export const outboxMailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  link: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMail = z.infer<typeof outboxMailSchema>;

export const outboxListSchema = z.object({ mails: z.array(outboxMailSchema) });

export const outboxQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const mailboxQuerySchema = outboxQuerySchema.extend({ to: z.string().trim().max(254).optional() });
export const outboxParamsSchema = z.object({ mailId: z.string().uuid() });
