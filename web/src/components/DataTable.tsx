import type { ReactNode } from 'react';

/** One column heading: its text, or the text with a class (`num` right-aligns) and a tooltip. */
export type ColumnHead = ReactNode | { label: ReactNode; className?: string; title?: string };

function isHead(c: ColumnHead): c is { label: ReactNode; className?: string; title?: string } {
  return typeof c === 'object' && c !== null && 'label' in c;
}

/**
 * The app's scrollable data table: the column headings, and the body rows the caller renders.
 * A column given as `false` (or null) is left out, so a conditional column reads `cond && t('…')`.
 */
export function DataTable({
  columns,
  testId,
  className = 'data-table',
  children,
}: {
  columns: readonly ColumnHead[];
  testId?: string;
  /** The table's classes; `data-table` unless told. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={className} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c, i) =>
              c === false || c === null || c === undefined ? null : isHead(c) ? (
                <th key={i} scope="col" className={c.className} title={c.title}>
                  {c.label}
                </th>
              ) : (
                <th key={i} scope="col">
                  {c}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A right-aligned (numeric) column heading. */
export const numCol = (label: ReactNode): ColumnHead => ({ label, className: 'num' });
