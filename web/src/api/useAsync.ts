import { useEffect, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: unknown };

type Settled<T> = { deps: readonly unknown[]; state: AsyncState<T> };

const LOADING = { status: 'loading' } as const;

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/**
 * Runs an async loader whenever deps change; aborts the previous run.
 * The loader receives an AbortSignal it may pass to fetch. Results of earlier deps are never shown
 * for later ones: while the new run is pending the state is 'loading'.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    const runDeps = deps;
    load(ctrl.signal).then(
      (data) => {
        if (!ctrl.signal.aborted) setSettled({ deps: runDeps, state: { status: 'ok', data } });
      },
      (error: unknown) => {
        if (!ctrl.signal.aborted) setSettled({ deps: runDeps, state: { status: 'error', error } });
      },
    );
    return () => ctrl.abort();
  }, deps);
  return settled && sameDeps(settled.deps, deps) ? settled.state : LOADING;
}
