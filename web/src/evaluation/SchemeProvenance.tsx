import { api } from '../api/client.ts';
import type { SchemeDefinition } from '../api/evaluationTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { schemeProvenance } from '../../../src/domain/evaluation/scheme-provenance.ts';
import { storedSchemeSchema } from '../../../src/domain/evaluation/stored-scheme.schema.ts';
import { TitledSection } from '../components/TitledSection.tsx';
import { DataTable } from '../components/DataTable.tsx';

/**
 * 方案要素依据 (issue 16): every element of the scheme with what backs it — a passage quoted from a plan
 * (《title》 section + quote) or a decision of the plan office (who, when, why) — and, flagged, any element with
 * neither. The labels are the domain's zh labels: a plan office defends its scheme in Chinese.
 */
export function SchemeProvenance({ def }: { def: SchemeDefinition }) {
  const { t } = useI18n();
  const plans = useAsync((signal) => api.plans(signal), []);
  const parsed = storedSchemeSchema.safeParse(def);
  if (!parsed.success) return null;
  const title = (id: string) =>
    (plans.status === 'ok' ? plans.data.find((p) => p.id === id)?.title : undefined) ?? t('eval.provenance.plan');
  const elements = schemeProvenance(parsed.data);
  return (
    <TitledSection className="card" id="provenance-heading" title={t('eval.provenance.heading')} data-testid="scheme-provenance">
      <p className="muted small">{t('eval.provenance.note')}</p>
      <DataTable
        scroll={false}
        className="table eval-provenance"
        lang="zh-CN"
        columns={['eval.provenance.element', 'eval.provenance.basis']}
      >
        {elements.map((e) => (
          <tr key={e.key} data-provenance={e.cited.length ? 'cited' : e.decided.length ? 'decided' : 'none'}>
            <td>{e.labelZh}</td>
            <td>
              {e.cited.map((c, k) => (
                <div key={`c${k}`}>
                  <span className="badge">{t('eval.provenance.cited')}</span> 《{title(c.plan)}》{c.section}
                  <blockquote>{c.quote}</blockquote>
                </div>
              ))}
              {e.decided.map((d, k) => (
                <div key={`d${k}`}>
                  <span className="badge eval-default-weights">{t('eval.provenance.decided')}</span> {d.by}，{d.at}：{d.why}
                </div>
              ))}
              {e.cited.length === 0 && e.decided.length === 0 && (
                <span className="badge eval-flag-incomplete">{t('eval.provenance.none')}</span>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </TitledSection>
  );
}
