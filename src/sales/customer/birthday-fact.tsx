import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { customerSummarySchema, type CustomerSummary } from '../../contract/auth.schema.ts';
import { sendJson } from '../../ui/api-client.ts';
import { customerKeys } from './api.ts';

/**
 * The customer's birthday, and staff confirming it in the store (an ID seen): the birthday discount then applies in
 * its month even if the birthday was given this month (issue 19 §4). A wrong date on record is corrected here too.
 */
export function BirthdayFact({ customer }: { customer: CustomerSummary }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const [date, setDate] = useState(customer.birthday ?? '');
  const confirm = useMutation({
    mutationFn: (birthday: string) =>
      sendJson(
        'POST',
        `/api/store/customers/${encodeURIComponent(customer.id)}/birthday`,
        { birthday },
        customerSummarySchema,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.one(customer.id) }),
  });
  return (
    <>
      <dt>{t('storeGlance.who.birthday')}</dt>
      <dd>
        {customer.birthday ?? t('storeGlance.who.none')}
        {customer.birthdayConfirmed ? (
          <span className="muted"> · {t('storeGlance.who.birthdayConfirmed')}</span>
        ) : (
          <form
            className="birthday-confirm"
            onSubmit={(e) => {
              e.preventDefault();
              if (date) confirm.mutate(date);
            }}
          >
            <label htmlFor={`${id}-date`} className="visually-hidden">
              {t('storeGlance.who.birthday')}
            </label>
            <input
              id={`${id}-date`}
              type="date"
              value={date}
              max={new Date().toISOString().slice(0, 10)}
              onChange={(e) => setDate(e.target.value)}
              required
            />
            <button type="submit" className="button secondary" disabled={confirm.isPending || !date}>
              {t('storeGlance.who.confirmBirthday')}
            </button>
            {confirm.error && (
              <p role="alert" className="notice notice-error">
                {confirm.error.message}
              </p>
            )}
          </form>
        )}
      </dd>
    </>
  );
}
