import type { ReactNode } from 'react';
import { ApiError } from './api-client.ts';
import { useTranslation } from 'react-i18next';

/** Loading and error states in one place, so every page of every surface says them the same way. */
export function QueryState({
  isPending,
  error,
  children,
}: {
  isPending: boolean;
  error: Error | null;
  children: () => ReactNode;
}) {
  const { t } = useTranslation();
  if (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <div role="alert" className="notice notice-error">
        <strong>{notFound ? t('notFoundShort') : t('error')}</strong> {error.message}
      </div>
    );
  }
  if (isPending)
    return (
      <p role="status" className="notice">
        {t('loading')}
      </p>
    );
  return <>{children()}</>;
}
