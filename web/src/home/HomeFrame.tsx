import type { ReactNode } from 'react';
import type { AsyncState } from '../api/useAsync.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { PageHead } from '../components/PageHead.tsx';
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
      <PageHead id="home-heading" title={t(`home.${kind}.heading`)} intro={t(`home.${kind}.intro`)} />
      <AsyncView state={state}>{children}</AsyncView>
    </section>
  );
}
