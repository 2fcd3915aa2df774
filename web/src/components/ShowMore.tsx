import { useI18n } from '../i18n/I18nProvider.tsx';

export function ShowMore({ remaining, onClick }: { remaining: number; onClick: () => void }) {
  const { t, count } = useI18n();
  if (remaining <= 0) return null;
  return (
    <button type="button" className="btn show-more" onClick={onClick}>
      {t('common.showMore', { n: count(remaining) })}
    </button>
  );
}
