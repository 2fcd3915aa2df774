import type { TargetDetail } from '../api/progressTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { periodLabel } from '../reporting/periods.ts';

/**
 * 公开数据来源: every published figure behind the target with the source that states it (title,
 * publisher, date, link) and the quoted sentence, so a reader can check the figure where it was printed.
 */
export function PublishedSources({ figures }: { figures: TargetDetail['publishedFigures'] }) {
  const { t, lang, num } = useI18n();
  if (figures.length === 0) return null;
  return (
    <section className="list-section" aria-labelledby="published-heading" data-testid="published-sources">
      <h2 id="published-heading" className="section-title">
        {t('monitor.detail.published')}
      </h2>
      <ul className="published-sources">
        {figures.map((f) => (
          <li key={`${f.orgUnit}|${f.indicator}|${f.period}|${f.cumulative}`} data-testid="published-figure">
            <p>
              <strong>
                {f.orgUnitName} · {lang === 'zh' ? f.indicatorName : f.indicator} · {periodLabel(f.period, lang)}
                {f.cumulative ? t('monitor.detail.publishedYtd') : ''}：{num(f.value)}
                {f.unit}
              </strong>{' '}
              <span className="muted small">
                {t('monitor.detail.publishedAs', { value: f.citation.publishedValue, unit: f.citation.publishedUnit })}
              </span>
            </p>
            <blockquote className="source-quote" data-testid="published-quote">
              {f.citation.quote}
            </blockquote>
            <p className="small">
              <a href={f.citation.url} target="_blank" rel="noopener noreferrer" data-testid="published-link">
                {f.citation.title}
              </a>
              <span className="muted">
                {' '}
                · {f.citation.publisher} · {f.citation.publishedOn}
              </span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
