import type { SheetItem } from '../api/reportingTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * An entry row's heading: the indicator's name, required mark and tags, and the reviewer's comment of a
 * returned sheet, either written at this cell or naming it (issue 18).
 */
export function EntryNameCell({
  item,
  name,
  missing,
  cellComment,
  namedComment,
}: {
  item: SheetItem;
  name: string;
  /** The figure is owed and not yet entered. */
  missing: boolean;
  /** The reviewer's comment at this cell (review view), shown instead of the sheet's comment. */
  cellComment: string | undefined;
  /** The sheet's review comment, when it names this cell (undefined when it does not). */
  namedComment: string | null | undefined;
}) {
  const { t, lang } = useI18n();
  return (
    <th scope="row" className="entry-name">
      <span className="name-zh" title={lang === 'zh' ? item.indicator : undefined}>
        {name}
      </span>
      {item.required && (
        <span className="required" title={t('reporting.grid.required')}>
          *
        </span>
      )}
      <span className="entry-tags">
        {/* The indicator's code matters to the English (API) reader; the Chinese page names it only. */}
        {lang === 'en' && <code className="code-tag">{item.indicator}</code>}
        {item.cumulative && <span className="tag">{t('reporting.grid.cumulative')}</span>}
        {missing && <span className="tag tag-missing">{t('reporting.grid.missing')}</span>}
      </span>
      {cellComment !== undefined ? (
        <span className="cell-comment" role="note" data-testid="cell-comment" data-kind="cell">
          <strong>{t('reporting.grid.reviewComment')}</strong>
          {cellComment}
        </span>
      ) : (
        namedComment !== undefined && (
          <span className="cell-comment" role="note" data-testid="cell-comment" data-kind="named">
            <strong>{t('reporting.grid.reviewComment')}</strong>
            {namedComment}
          </span>
        )
      )}
    </th>
  );
}
