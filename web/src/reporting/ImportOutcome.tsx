import { useId } from 'react';
import type { ImportResult } from '../api/reportingTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router.ts';
import { ImportPreview } from './ImportPreview.tsx';
import type { ImportBusy } from './ImportChoiceForm.tsx';
import type { MappingChoices } from './NameMappings.tsx';
import { periodLabel } from './periods.ts';

/* What an import came to: the dry run's preview (to commit), or the committed import. */

/** A committed import: what it wrote, and links to the sheets it wrote to, to check and submit. */
export function ImportCommitted({ result, formCode }: { result: ImportResult; formCode: string | null }) {
  const { t, lang } = useI18n();
  const sheets = [...new Map(result.changes.map((c) => [`${c.orgUnit}|${c.period}`, c])).values()];
  return (
    <div className="status status-ok" role="status" data-testid="import-committed">
      {t('reporting.import.done', {
        id: result.importId ?? '—',
        values: result.counts.values,
        changed: result.counts.changed + result.counts.created,
      })}
      {formCode && sheets.length > 0 && (
        <ul className="import-sheet-links" data-testid="import-sheet-links">
          {sheets.map((c) => (
            <li key={`${c.orgUnit}|${c.period}`}>
              <a href={href('reporting', formCode, c.orgUnit, c.period)} data-testid="import-sheet-link">
                {t('reporting.import.toSheet', { unit: c.orgUnitName, period: periodLabel(c.period, lang) })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A dry run's preview, with unknown names to map, and the commit once it has no problems. */
export function ImportPreviewPanel({
  result,
  choices,
  busy,
  onCommit,
}: {
  result: ImportResult;
  choices?: MappingChoices;
  busy: ImportBusy;
  onCommit: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="panel import-result" aria-labelledby={`${id}-preview`}>
      <h2 id={`${id}-preview`} className="panel-title">
        {t('reporting.import.previewTitle')}
      </h2>
      <ImportPreview result={result} choices={choices} />
      <div className="form-actions import-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy !== null || result.problems.length > 0 || !result.dryRun}
          onClick={onCommit}
          data-testid="import-commit"
        >
          {busy === 'commit' ? t('reporting.import.committing') : t('reporting.import.commit')}
        </button>
        {result.problems.length > 0 && <span className="muted">{t('reporting.import.fixFirst')}</span>}
      </div>
    </section>
  );
}
