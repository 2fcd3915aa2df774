import { useState } from 'react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { OrgProfile } from '../components/OrgProfile.tsx';
import { OrgTree } from '../components/OrgTree.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { UnitAliasesPanel } from '../components/UnitAliasesPanel.tsx';
import { useMe } from '../auth/AuthProvider.tsx';
import { canManageAliases } from '../auth/permissions.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function OrgUnitsPage({ code }: { code: string | null }) {
  const { t, count } = useI18n();
  const me = useMe();
  const [attempt, setAttempt] = useState(0);
  const [filter, setFilter] = useState('');
  const state = useAsync(() => api.orgUnits(), [attempt]);

  return (
    <section className="page" aria-labelledby="org-heading">
      <PageHead id="org-heading" title={t('org.heading')} />
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} onRetry={() => setAttempt((a) => a + 1)} />}
      {state.status === 'ok' && (
        <div className="split">
          <aside className="split-side panel">
            <div className="filter-box">
              <SearchBox
                label={t('org.filter')}
                placeholder={t('org.filterPlaceholder')}
                value={filter}
                onChange={setFilter}
                testId="org-filter"
              />
            </div>
            <p className="panel-note">{t('org.count', { n: count(state.data.length) })}</p>
            <OrgTree units={state.data} selected={code} filter={filter} />
          </aside>
          <div className="split-main">
            {code ? <OrgProfile key={code} code={code} units={state.data} /> : <p className="hint-box">{t('org.selectHint')}</p>}
            {code && canManageAliases(me) && state.data.some((u) => u.code === code) && (
              <UnitAliasesPanel key={`aliases-${code}`} code={code} name={state.data.find((u) => u.code === code)!.name} />
            )}
          </div>
        </div>
      )}
    </section>
  );
}
