import { useMemo, useState } from 'react';
import { useRevealInSide } from './scrollIntoContainer.ts';
import type { OrgUnit } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router.ts';
import { ORG_KIND_ORDER } from '../orgKindOrder.ts';

interface OrgNode {
  unit: OrgUnit;
  depth: number;
  children: OrgNode[];
}

function buildOrgTree(units: readonly OrgUnit[]): OrgNode[] {
  const codes = new Set(units.map((u) => u.code));
  const order = new Map(units.map((u, i) => [u.code, i]));
  const kids = new Map<string | null, OrgUnit[]>();
  for (const u of units) {
    const p = u.parent && codes.has(u.parent) && u.parent !== u.code ? u.parent : null;
    const list = kids.get(p) ?? [];
    list.push(u);
    kids.set(p, list);
  }
  const rank = (k: string) => {
    const i = ORG_KIND_ORDER.indexOf(k);
    return i < 0 ? ORG_KIND_ORDER.length : i;
  };
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): OrgNode[] =>
    (kids.get(parent) ?? [])
      .slice()
      .sort(
        (a, b) =>
          rank(a.kind) - rank(b.kind) ||
          (a.divisionCode ?? '').localeCompare(b.divisionCode ?? '') ||
          (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0),
      )
      .filter((u) => !seen.has(u.code) && (seen.add(u.code), true))
      .map((u) => ({ unit: u, depth, children: build(u.code, depth + 1) }));
  return build(null, 0);
}

export function ancestorsOf(units: readonly OrgUnit[], code: string): string[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const out: string[] = [];
  let cur = byCode.get(code)?.parent ?? null;
  while (cur && !out.includes(cur)) {
    out.push(cur);
    cur = byCode.get(cur)?.parent ?? null;
  }
  return out;
}

interface OrgTreeProps {
  units: readonly OrgUnit[];
  selected: string | null;
  filter: string;
}

export function OrgTree({ units, selected, filter }: OrgTreeProps) {
  const { t, label } = useI18n();
  const tree = useMemo(() => buildOrgTree(units), [units]);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(new Map());

  const needle = filter.trim().toLowerCase();
  /** While filtering: the matches and their ancestors (null = no filter). */
  const visible = useMemo(() => {
    if (!needle) return null;
    const out = new Set<string>();
    for (const u of units) {
      const hay = [u.name, u.nameEn ?? '', u.code, u.divisionCode ?? ''].join('\n').toLowerCase();
      if (hay.includes(needle)) {
        out.add(u.code);
        for (const a of ancestorsOf(units, u.code)) out.add(a);
      }
    }
    return out;
  }, [units, needle]);
  const matches = useMemo(() => {
    if (!needle) return new Set<string>();
    return new Set(
      units
        .filter((u) => [u.name, u.nameEn ?? '', u.code, u.divisionCode ?? ''].join('\n').toLowerCase().includes(needle))
        .map((u) => u.code),
    );
  }, [units, needle]);
  const forcedOpen = useMemo(() => new Set(selected ? ancestorsOf(units, selected) : []), [units, selected]);

  const navRef = useRevealInSide<HTMLElement>(
    selected === null ? null : `[data-testid="org-node"][data-code="${CSS.escape(selected)}"]`,
  );

  const isOpen = (n: OrgNode) =>
    visible !== null ? true : (overrides.get(n.unit.code) ?? (forcedOpen.has(n.unit.code) || n.depth < 1));
  const toggle = (n: OrgNode) => setOverrides((m) => new Map(m).set(n.unit.code, !isOpen(n)));

  const renderNode = (n: OrgNode) => {
    const u = n.unit;
    if (visible && !visible.has(u.code)) return null;
    const kids = visible ? n.children.filter((c) => visible.has(c.unit.code)) : n.children;
    const open = isOpen(n);
    return (
      <li key={u.code} className="tree-item">
        <div className="tree-row">
          {kids.length > 0 && visible === null ? (
            <button
              type="button"
              className="tree-toggle"
              aria-expanded={open}
              aria-label={`${open ? t('plan.collapse') : t('plan.expand')} ${u.name}`}
              onClick={() => toggle(n)}
            >
              <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            </button>
          ) : (
            <span className="tree-toggle-spacer" aria-hidden="true" />
          )}
          <a
            href={href('org-units', u.code)}
            className={`tree-label${selected === u.code ? ' is-selected' : ''}${matches.has(u.code) ? ' is-match' : ''}`}
            data-testid="org-node"
            data-code={u.code}
            data-kind={u.kind}
            aria-current={selected === u.code ? 'page' : undefined}
          >
            <span className="tree-heading">{u.name}</span>
            <span className={`tag tag-kind kind-${u.kind}`}>{label('orgKind', u.kind)}</span>
          </a>
        </div>
        {kids.length > 0 && open && <ul className="tree-children">{kids.map(renderNode)}</ul>}
      </li>
    );
  };

  const rendered = tree.map(renderNode).filter((x) => x !== null);
  return (
    <nav aria-label={t('org.tree')} ref={navRef}>
      {rendered.length > 0 ? <ul className="tree">{rendered}</ul> : <p className="status status-empty">{t('org.noMatch')}</p>}
    </nav>
  );
}
