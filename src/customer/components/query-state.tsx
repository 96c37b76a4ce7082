import type { ReactNode } from 'react';
import { ApiError } from '../../ui/api-client.ts';

/** Loading and error states in one place, so every page says the same thing the same way. */
export function QueryState({
  isPending,
  error,
  children,
}: {
  isPending: boolean;
  error: Error | null;
  children: () => ReactNode;
}) {
  if (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <div role="alert" className="notice notice-error">
        <strong>{notFound ? 'Not found.' : 'Something went wrong.'}</strong> {error.message}
      </div>
    );
  }
  if (isPending)
    return (
      <p role="status" className="notice">
        Loading…
      </p>
    );
  return <>{children()}</>;
}
