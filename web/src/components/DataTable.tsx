import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/**
 * One column heading: the key of its message, or content of its own (a name from the data, an empty
 * corner) with an optional class and tooltip. `false` leaves the column out, so a conditional column
 * reads `shown && 'key'`.
 */
export type Column = MessageKey | { label: ReactNode; className?: string; title?: string } | false;

/**
 * The app's data table: the column headings, and the body rows the caller renders; in a wrapper that
 * scrolls sideways on a narrow screen unless `scroll` is false.
 */
export function DataTable({
  columns,
  numeric = [],
  testId,
  className = 'data-table',
  scroll = true,
  lang,
  children,
}: {
  columns: readonly Column[];
  /** The columns (by message key) that hold figures: their headings align right, as the figures do. */
  numeric?: readonly MessageKey[];
  testId?: string;
  /** The table's classes; `data-table` unless told. */
  className?: string;
  scroll?: boolean;
  /** The language of the table's text, where it is not the page's (quotes from Chinese plans). */
  lang?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const table = (
    <table className={className} data-testid={testId} lang={lang}>
      <thead>
        <tr>
          {columns.map((c, i) =>
            c === false ? null : typeof c === 'string' ? (
              <th key={c} scope="col" className={numeric.includes(c) ? 'num' : undefined}>
                {t(c)}
              </th>
            ) : (
              <th key={i} scope="col" className={c.className} title={c.title}>
                {c.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return scroll ? <div className="table-wrap">{table}</div> : table;
}
