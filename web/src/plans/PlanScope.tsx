import type { PlanSection } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { reflowParagraphs } from '../text/reflow.ts';

function scrollToId(id: string) {
  document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/** Above the plan's lists: the selected section's trail (or "all"), and links down to the targets and tasks. */
export function PlanScopeBar({
  trail,
  selectedSection,
  targetCount,
  taskCount,
  select,
}: {
  trail: readonly PlanSection[];
  selectedSection: PlanSection | null;
  targetCount: number;
  taskCount: number;
  select: (key: string | null) => void;
}) {
  const { t, count } = useI18n();
  return (
    <div className="scope-bar">
      {selectedSection ? (
        <div className="scope-trail">
          <span className="muted">{t('plan.selected')}</span>
          {trail.map((s) => (
            <button type="button" key={s.key} className="link-button crumb" onClick={() => select(s.key)}>
              {s.heading}
            </button>
          ))}
          <strong className="crumb">{selectedSection.heading}</strong>
          <button type="button" className="btn btn-small" onClick={() => select(null)}>
            {t('common.clear')}
          </button>
        </div>
      ) : (
        <span className="muted">{t('plan.showingAll')}</span>
      )}
      <span className="jump-links">
        <button type="button" className="link-button" onClick={() => scrollToId('plan-targets')}>
          {t('plan.jumpTargets', { n: count(targetCount) })}
        </button>
        <button type="button" className="link-button" onClick={() => scrollToId('plan-tasks')}>
          {t('plan.jumpTasks', { n: count(taskCount) })}
        </button>
      </span>
    </div>
  );
}

/** The selected section's own text, reflowed into paragraphs. */
export function SectionTextPanel({ section }: { section: PlanSection }) {
  const { t } = useI18n();
  return (
    <details className="panel section-text-panel" open>
      <summary>
        {t('plan.sectionText')}
        <span className="muted">
          {t('common.colon')}
          {section.heading}
        </span>
      </summary>
      {section.text ? (
        <div className="section-text" data-testid="section-text" tabIndex={0}>
          {reflowParagraphs(section.text)}
        </div>
      ) : (
        <p className="status status-empty">{t('plan.sectionTextEmpty')}</p>
      )}
    </details>
  );
}
