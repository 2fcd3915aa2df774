import type { OrgUnit, OrgUnitDetail } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router.ts';

const ZONE_KINDS = new Set(['development_zone', 'ftz', 'ftz_area', 'linkage_zone', 'bonded_zone']);

/** A development zone, free-trade area or the like: it has zone facts, or its kind is one of the zones'. */
function isZone(u: Pick<OrgUnit, 'kind' | 'zone'>): boolean {
  return u.zone !== null || ZONE_KINDS.has(u.kind);
}

/** A unit's card: name, kind and level, parent, division code, groups, and for a zone its prefecture, area and industries. */
export function OrgProfileCard({
  unit: u,
  parent,
  prefecture,
}: {
  unit: OrgUnitDetail;
  parent: OrgUnit | undefined;
  prefecture: OrgUnit | undefined;
}) {
  const { t, lang, label, num } = useI18n();
  const zone = isZone(u);
  return (
    <section
      className="card profile-card"
      data-testid={zone ? 'zone-profile' : 'org-profile'}
      data-code={u.code}
      aria-labelledby="org-profile-heading"
    >
      <header className="card-head">
        <div>
          <p className="eyebrow">{zone ? t('org.zoneProfile') : t('org.profile')}</p>
          <h2 id="org-profile-heading" className="profile-title">
            {u.name}
          </h2>
          {lang === 'en' && u.nameEn && <p className="muted">{u.nameEn}</p>}
        </div>
        <div className="badges">
          {u.zone?.level && <span className="badge badge-level">{label('zoneLevel', u.zone.level)}</span>}
          <span className="tag tag-kind">{label('orgKind', u.kind)}</span>
        </div>
      </header>
      <dl className="facts facts-grid">
        {lang === 'en' && (
          <div>
            <dt>{t('org.code')}</dt>
            <dd>
              <code>{u.code}</code>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('org.kind')}</dt>
          <dd>{label('orgKind', u.kind)}</dd>
        </div>
        {parent && (
          <div>
            <dt>{t('org.parent')}</dt>
            <dd>
              <a href={href('org-units', parent.code)}>{parent.name}</a>
            </dd>
          </div>
        )}
        {u.divisionCode && (
          <div>
            <dt>{t('org.divisionCode')}</dt>
            <dd>{u.divisionCode}</dd>
          </div>
        )}
        {zone && (
          <>
            <div>
              <dt>{t('org.level')}</dt>
              <dd>{u.zone?.level ? label('zoneLevel', u.zone.level) : t('common.dash')}</dd>
            </div>
            <div>
              <dt>{t('org.zoneKind')}</dt>
              <dd>{u.zone?.kind ? label('zoneKind', u.zone.kind) : label('orgKind', u.kind)}</dd>
            </div>
            <div>
              <dt>{t('org.prefecture')}</dt>
              <dd>
                {u.zone?.prefecture ? (
                  <a href={href('org-units', u.zone.prefecture)}>{prefecture?.name ?? u.zone.prefecture}</a>
                ) : (
                  t('common.dash')
                )}
              </dd>
            </div>
            <div>
              <dt>{t('org.area')}</dt>
              <dd>{u.zone?.areaKm2 ? t('org.areaValue', { area: num(u.zone.areaKm2) }) : t('common.dash')}</dd>
            </div>
            <div className="span-all">
              <dt>{t('org.leadingIndustries')}</dt>
              <dd>
                {u.zone && u.zone.leadingIndustries.length > 0 ? (
                  <ul className="chip-list">
                    {u.zone.leadingIndustries.map((x) => (
                      <li key={x} className="chip">
                        {x}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('common.dash')
                )}
              </dd>
            </div>
          </>
        )}
        <div className="span-all">
          <dt>{t('org.groups')}</dt>
          <dd>
            {u.groups.length > 0 ? (
              <ul className="chip-list">
                {u.groups.map((g) => (
                  <li key={g.code} className="chip">
                    <span className="chip-kind">{label('groupKind', g.kind)}</span>
                    {g.name}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t('org.noGroups')}</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
