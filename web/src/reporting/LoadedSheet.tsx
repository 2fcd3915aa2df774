import { Fragment, useState, type ReactNode } from 'react';
import { api, type SheetKey } from '../api/client.ts';
import type { EntrySheet } from '../api/reportingTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';

/**
 * One sheet read for a page (填报 and 审核 alike): the spinner, the error under a link back, or the
 * page for the sheet. The page is keyed by the sheet, so moving to another sheet starts it afresh.
 */
export function LoadedSheet({
  sheetKey: { form, orgUnit, period },
  back,
  errorTestId,
  children,
}: {
  sheetKey: SheetKey;
  /** Where the error page leads back to. */
  back: { href: string; label: string };
  errorTestId: string;
  children: (sheetKey: SheetKey, sheet: EntrySheet) => ReactNode;
}) {
  const [attempt, setAttempt] = useState(0);
  const state = useAsync((signal) => api.entrySheet({ form, orgUnit, period }, signal), [form, orgUnit, period, attempt]);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <section className="page">
        <nav className="breadcrumb">
          <a href={back.href}>{back.label}</a>
        </nav>
        <ErrorMessage error={state.error} onRetry={() => setAttempt((a) => a + 1)} testId={errorTestId} />
      </section>
    );
  return <Fragment key={`${form}/${orgUnit}/${period}`}>{children({ form, orgUnit, period }, state.data)}</Fragment>;
}
