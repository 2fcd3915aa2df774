import type { CodeName } from '../api/types.ts';
import { href } from '../router.ts';

/** Org units as a list of links to their pages. */
export function UnitList({ units, highlight }: { units: CodeName[]; highlight?: string }) {
  return (
    <ul className="unit-list">
      {units.map((u) => (
        <li key={u.code} className={u.code === highlight ? 'is-highlighted' : undefined}>
          <a href={href('org-units', u.code)}>{u.name}</a>
        </li>
      ))}
    </ul>
  );
}
