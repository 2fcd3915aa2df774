import type { ReactNode } from 'react';
import type { AsyncState } from '../api/useAsync.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * What every role home shares (issue 19): the page with its heading and intro, and the loading and
 * error states of its one request; the home itself only says what to show once the data is there.
 */
export function HomeFrame<T>({
  kind,
  state,
  children,
}: {
  kind: 'leader' | 'planner';
  state: AsyncState<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="page home-page" aria-labelledby="home-heading" data-testid={`home-${kind}`}>
      <header className="page-head">
        <h1 id="home-heading">{t(`home.${kind}.heading`)}</h1>
        <p className="page-intro">{t(`home.${kind}.intro`)}</p>
      </header>
      <AsyncView state={state}>{children}</AsyncView>
    </section>
  );
}
