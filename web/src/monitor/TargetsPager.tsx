import { useI18n } from '../i18n/I18nProvider.tsx';

/** Previous and next page of the overview's targets, with "page n of m"; nothing when there is one page. */
export function TargetsPager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t, count } = useI18n();
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('monitor.table.pager')} data-testid="targets-pager" data-page={page} data-pages={pages}>
      <button type="button" className="btn" disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid="page-prev">
        {t('monitor.table.prev')}
      </button>
      <span data-testid="page-label">{t('monitor.table.page', { page: count(page), pages: count(pages) })}</span>
      <button type="button" className="btn" disabled={page >= pages} onClick={() => onPage(page + 1)} data-testid="page-next">
        {t('monitor.table.next')}
      </button>
    </nav>
  );
}
