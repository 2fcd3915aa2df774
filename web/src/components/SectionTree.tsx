import { useMemo, useState } from 'react';
import { useRevealInSide } from './scrollIntoContainer.ts';
import type { PlanSection } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ancestorKeys, buildSectionTree, type SectionNode } from '../sectionTree.ts';

/** Nodes shallower than this start expanded (all of them: tests and users see every section at once). */
const OPEN_DEPTH = Number.POSITIVE_INFINITY;

interface SectionTreeProps {
  sections: readonly PlanSection[];
  selected: string | null;
  /** Targets and tasks per section, descendants included. */
  counts: ReadonlyMap<string, { targets: number; tasks: number }>;
  totals: { targets: number; tasks: number };
  onSelect: (key: string | null) => void;
}

export function SectionTree({ sections, selected, counts, totals, onSelect }: SectionTreeProps) {
  const { t, count } = useI18n();
  const tree = useMemo(() => buildSectionTree(sections), [sections]);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(new Map());
  const forcedOpen = useMemo(() => new Set(selected ? ancestorKeys(sections, selected) : []), [sections, selected]);

  const navRef = useRevealInSide<HTMLElement>(
    selected === null ? null : `[data-testid="section-node"][data-key="${CSS.escape(selected)}"]`,
  );

  const isOpen = (n: SectionNode) => overrides.get(n.section.key) ?? (forcedOpen.has(n.section.key) || n.depth < OPEN_DEPTH);
  const toggle = (n: SectionNode) => setOverrides((m) => new Map(m).set(n.section.key, !isOpen(n)));

  const renderNode = (n: SectionNode) => {
    const key = n.section.key;
    const c = counts.get(key) ?? { targets: 0, tasks: 0 };
    const open = isOpen(n);
    const hasKids = n.children.length > 0;
    return (
      <li key={key} className={`tree-item depth-${Math.min(n.depth, 4)}`}>
        <div className="tree-row">
          {hasKids ? (
            <button
              type="button"
              className="tree-toggle"
              aria-expanded={open}
              aria-label={`${open ? t('plan.collapse') : t('plan.expand')} ${n.section.heading}`}
              onClick={() => toggle(n)}
            >
              <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            </button>
          ) : (
            <span className="tree-toggle-spacer" aria-hidden="true" />
          )}
          <button
            type="button"
            className={`tree-label${selected === key ? ' is-selected' : ''}${c.targets + c.tasks === 0 ? ' is-empty' : ''}`}
            data-testid="section-node"
            data-key={key}
            aria-current={selected === key ? 'true' : undefined}
            title={t('plan.countsInNode', { targets: count(c.targets), tasks: count(c.tasks) })}
            onClick={() => onSelect(key)}
          >
            <span className="tree-heading">{n.section.heading}</span>
            {c.targets + c.tasks > 0 && (
              <span className="tree-count" aria-hidden="true">
                {count(c.targets)}/{count(c.tasks)}
              </span>
            )}
          </button>
        </div>
        {hasKids && open && <ul className="tree-children">{n.children.map(renderNode)}</ul>}
      </li>
    );
  };

  return (
    <nav className="section-tree" aria-label={t('plan.contents')} ref={navRef}>
      <h2 className="panel-title">{t('plan.contents')}</h2>
      <p className="panel-note">{t('plan.countLegend')}</p>
      <ul className="tree">
        <li className="tree-item depth-0">
          <div className="tree-row">
            <span className="tree-toggle-spacer" aria-hidden="true" />
            <button
              type="button"
              className={`tree-label tree-all${selected === null ? ' is-selected' : ''}`}
              data-testid="section-all"
              aria-current={selected === null ? 'true' : undefined}
              onClick={() => onSelect(null)}
            >
              <span className="tree-heading">{t('plan.all')}</span>
              <span className="tree-count" aria-hidden="true">
                {count(totals.targets)}/{count(totals.tasks)}
              </span>
            </button>
          </div>
        </li>
        {tree.map(renderNode)}
      </ul>
      {sections.length === 0 && <p className="status status-empty">{t('plan.noSections')}</p>}
    </nav>
  );
}
