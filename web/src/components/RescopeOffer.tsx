import { useI18n } from '../i18n/I18nProvider.tsx';

/** After the plan's default scope changed: move every target that still names the old one, in one action. */
export function RescopeOffer({
  from,
  to,
  count: n,
  onApply,
  onDismiss,
}: {
  from: string;
  to: string;
  count: number;
  onApply: () => void;
  onDismiss: () => void;
}) {
  const { t, count } = useI18n();
  return (
    <div className="status status-warning rescope-offer" role="status" data-testid="rescope-offer">
      <span>{t('ingest.rescope.offer', { from, to, n: count(n) })}</span>{' '}
      <button type="button" className="btn btn-small btn-primary" onClick={onApply} data-testid="rescope-apply">
        {t('ingest.rescope.apply', { to })}
      </button>{' '}
      <button type="button" className="link-button" onClick={onDismiss} data-testid="rescope-dismiss">
        {t('ingest.rescope.dismiss')}
      </button>
    </div>
  );
}
