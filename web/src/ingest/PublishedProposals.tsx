import type { FigureProposalView } from '../../../src/presenters/published-intake.presenter.ts';
import { DataTable, type Column } from '../components/DataTable.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** One proposal as the planner keeps, corrects or drops it. */
export interface Row extends FigureProposalView {
  keep: boolean;
}

const COLUMNS: readonly Column[] = [
  'published.keep',
  'published.indicator',
  'published.yearColumn',
  'published.value',
  'published.stated',
  'published.quote',
];

/** The figures found in the pasted text, each kept or dropped, its value correctable, beside what the text states. */
export function ProposalTable({ rows, setRow }: { rows: readonly Row[]; setRow: (i: number, patch: Partial<Row>) => void }) {
  const { t, num } = useI18n();
  return (
    <DataTable className="table" testId="published-proposals" columns={COLUMNS}>
      {rows.map((r, i) => (
        <tr key={`${r.indicator}-${r.year}-${r.start}`}>
          <td>
            <input
              type="checkbox"
              checked={r.keep}
              aria-label={t('published.keepOne', { name: r.indicatorName })}
              onChange={(e) => setRow(i, { keep: e.target.checked })}
            />
          </td>
          <td>{r.indicatorName}</td>
          <td>{t('published.yearValue', { year: String(r.year) })}</td>
          <td>
            <input
              className="input input-narrow"
              inputMode="decimal"
              aria-label={t('published.valueOf', { name: r.indicatorName })}
              value={r.value}
              onChange={(e) => setRow(i, { value: e.target.value })}
            />{' '}
            {r.unit}
          </td>
          <td>
            {num(r.statedValue)}
            {r.statedUnit}
          </td>
          <td className="quote-cell">{r.quote}</td>
        </tr>
      ))}
    </DataTable>
  );
}
