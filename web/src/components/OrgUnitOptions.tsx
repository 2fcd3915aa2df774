import { useMemo } from 'react';
import type { OrgUnit } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ORG_KIND_ORDER } from '../orgKindOrder.ts';

/** Org units grouped by kind, in a fixed order, names sorted within. */
function useUnitGroups(units: readonly OrgUnit[]) {
  return useMemo(() => {
    const groups = new Map<string, OrgUnit[]>();
    for (const u of units) groups.set(u.kind, [...(groups.get(u.kind) ?? []), u]);
    const order = [...groups.keys()].sort((a, b) => {
      const ia = ORG_KIND_ORDER.indexOf(a);
      const ib = ORG_KIND_ORDER.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    });
    return order.map((kind) => ({ kind, units: groups.get(kind)! }));
  }, [units]);
}

export function OrgUnitOptions({ units }: { units: readonly OrgUnit[] }) {
  const { label, lang } = useI18n();
  const groups = useUnitGroups(units);
  return (
    <>
      {groups.map((g) => (
        <optgroup key={g.kind} label={label('orgKind', g.kind)}>
          {g.units.map((u) => (
            <option key={u.code} value={u.code}>
              {lang === 'en' ? `${u.name}（${u.code}）` : u.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
