import type { ReactNode } from 'react';
import type { AsyncState } from '../api/useAsync.ts';
import { ErrorMessage, Loading } from './Status.tsx';

/**
 * The three states of one request as every page shows them: the spinner while it loads, the error
 * (with a retry where the caller can repeat the request) when it failed, and the children once the
 * data is there.
 */
export function AsyncView<T>({
  state,
  onRetry,
  children,
}: {
  state: AsyncState<T>;
  onRetry?: () => void;
  children: (data: T) => ReactNode;
}) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorMessage error={state.error} onRetry={onRetry} />;
  return <>{children(state.data)}</>;
}
