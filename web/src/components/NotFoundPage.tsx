import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="page" aria-labelledby="nf-heading">
      <h1 id="nf-heading">{t('notFound.heading')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <a href={href('plans')}>{t('notFound.home')}</a>
      </p>
    </section>
  );
}
