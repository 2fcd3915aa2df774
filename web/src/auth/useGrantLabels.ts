import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export interface GrantLabel {
  /** 填报员 · 红河哈尼族彝族自治州 */
  text: string;
  /** Longer description for a tooltip (plan titles of a plan-limited role). */
  title?: string;
}

/**
 * Role labels of the signed-in user with the scope spelled out: the unit's name (looked up when it
 * is not the user's own unit) and, for roles limited to some plans, how many and which.
 */
export function useGrantLabels(me: Me): GrantLabel[] {
  const { label, t, lang } = useI18n();
  const [unitNames, setUnitNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [planTitles, setPlanTitles] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    let live = true;
    const known = me.orgUnit ? [[me.orgUnit.code, me.orgUnit.name] as const] : [];
    const missing = [...new Set(me.grants.map((g) => g.scopeOrgUnit))].filter(
      (c): c is string => c !== null && c !== me.orgUnit?.code,
    );
    setUnitNames(new Map(known));
    Promise.all(
      missing.map((c) =>
        api.orgUnit(c).then(
          (u) => [c, u.name] as const,
          () => null,
        ),
      ),
    ).then((found) => {
      if (live) setUnitNames(new Map([...known, ...found.filter((x) => x !== null)]));
    });
    if (me.grants.some((g) => g.scopePlans !== null)) {
      api.plans().then(
        (plans) => {
          if (live) setPlanTitles(new Map(plans.map((p) => [p.id, p.title])));
        },
        () => undefined, // plan ids are shown instead
      );
    }
    return () => {
      live = false;
    };
  }, [me]);

  const out: GrantLabel[] = [];
  const seen = new Set<string>();
  for (const g of me.grants) {
    const parts = [label('role', g.role)];
    if (g.scopeOrgUnit) parts.push(unitNames.get(g.scopeOrgUnit) ?? g.scopeOrgUnit);
    let title: string | undefined;
    if (g.scopePlans) {
      parts.push(t('auth.plansScope', { n: g.scopePlans.length }));
      title = g.scopePlans.map((p) => planTitles.get(p) ?? p).join(lang === 'zh' ? '；' : '; ');
    }
    const text = parts.join(' · ');
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text, title });
  }
  return out;
}
