import { z } from 'zod';

/**
 * The publish form as typed: a note, now or a date and time (the browser's local `datetime-local` value), and the
 * warnings acknowledged. Messages are text keys under `catalogAdmin.publish.errors`.
 */
export function publishFormSchema(warningKeys: readonly string[], now: () => Date) {
  return z
    .object({
      note: z.string().trim().min(1, 'noteRequired').max(2000, 'noteTooLong'),
      when: z.enum(['now', 'later']),
      effectiveAt: z.string(),
      acknowledged: z.array(z.string()),
    })
    .superRefine((form, ctx) => {
      if (form.when === 'later') {
        const at = new Date(form.effectiveAt);
        if (!form.effectiveAt || Number.isNaN(at.getTime()))
          ctx.addIssue({ code: 'custom', path: ['effectiveAt'], message: 'dateRequired' });
        else if (at <= now()) ctx.addIssue({ code: 'custom', path: ['effectiveAt'], message: 'dateInPast' });
      }
      if (warningKeys.some((k) => !form.acknowledged.includes(k)))
        ctx.addIssue({ code: 'custom', path: ['acknowledged'], message: 'acknowledgeAll' });
    });
}
export type PublishFormInput = z.input<ReturnType<typeof publishFormSchema>>;

/** The body's `effectiveAt`: absent for now, else the local date and time as an instant with offset. */
export function effectiveAtOf(form: PublishFormInput): string | undefined {
  return form.when === 'later' ? new Date(form.effectiveAt).toISOString() : undefined;
}
