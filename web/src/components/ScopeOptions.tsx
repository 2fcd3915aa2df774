import type { Catalogues } from '../ingest/reviewModel.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { OrgUnitOptions } from './OrgUnitOptions.tsx';

/* The options of a scope's two selects (its kind, then the unit or group), shared by the plan form and the target editor. */

/** Org unit or group. */
export function ScopeKindOptions() {
  const { t } = useI18n();
  return (
    <>
      <option value="orgUnit">{t('ingest.edit.scopeOrgUnit')}</option>
      <option value="group">{t('ingest.edit.scopeGroup')}</option>
    </>
  );
}

/** The catalogue's org units (grouped by kind) or its groups. */
export function ScopeOptions({ kind, catalogues }: { kind: 'orgUnit' | 'group'; catalogues: Catalogues }) {
  const { label } = useI18n();
  return kind === 'orgUnit' ? (
    <OrgUnitOptions units={catalogues.orgUnits} />
  ) : (
    <>
      {catalogues.groups.map((g) => (
        <option key={g.code} value={g.code}>
          {g.name}（{label('groupKind', g.kind)}）
        </option>
      ))}
    </>
  );
}
