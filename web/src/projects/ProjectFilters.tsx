import { useI18n } from '../i18n/I18nProvider.tsx';
import { STAGES, type Boards, type Stage } from './projectTypes.ts';

export type View = 'board' | 'map';

/** The projects page's view (board or map), the map's stage, and the zone (or prefecture) and chain filters. */
export function ProjectFilters({
  view,
  stage,
  zone,
  chain,
  options,
  go,
}: {
  view: View;
  stage: Stage;
  zone: string;
  chain: string;
  options: Pick<Boards, 'chains' | 'zones'>;
  go: (zone: string, chain: string, next?: { view?: View; stage?: Stage }) => void;
}) {
  const { t, label } = useI18n();
  const prefectures = [
    ...new Map(options.zones.flatMap((z) => (z.prefecture ? [[z.prefecture.code, z.prefecture]] : []))).values(),
  ];
  return (
    <div className="project-filters">
      <div className="form-field project-view-field">
        <span>{t('projects.view.label')}</span>
        <div className="segmented" role="group" aria-label={t('projects.view.label')} data-testid="view-toggle">
          {(['board', 'map'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={`segment${view === v ? ' is-on' : ''}`}
              aria-pressed={view === v}
              data-testid={`view-${v}`}
              onClick={() => go(zone, chain, { view: v })}
            >
              {t(`projects.view.${v}`)}
            </button>
          ))}
        </div>
      </div>
      {view === 'map' && (
        <label className="form-field">
          {t('projects.map.stage')}
          <select
            className="input"
            data-testid="map-stage"
            value={stage}
            onChange={(e) => go(zone, chain, { stage: e.target.value as Stage })}
          >
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {label('projects.stage', s)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="form-field">
        {t('projects.filterZone')}
        <select className="input" data-testid="filter-zone" value={zone} onChange={(e) => go(e.target.value, chain)}>
          <option value="">{t('projects.allZones')}</option>
          <optgroup label={t('projects.prefectures')}>
            {prefectures.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('projects.zones')}>
            {options.zones.map((z) => (
              <option key={z.code} value={z.code}>
                {z.name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="form-field">
        {t('projects.filterChain')}
        <select className="input" data-testid="filter-chain" value={chain} onChange={(e) => go(zone, e.target.value)}>
          <option value="">{t('projects.allChains')}</option>
          {options.chains.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
