import { useId } from 'react';
import type { PeriodValue } from '../api/reportingTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isDecimal, normaliseDecimal } from './decimalText.ts';
import { periodLabel } from './periods.ts';
import { CellChecks, findingsByIndicator } from './CellChecks.tsx';
import { EntryNameCell } from './EntryNameCell.tsx';
import { useGridKeys } from './useGridKeys.ts';
import { usePasteBlock } from './usePasteBlock.ts';
import type { EntryEditor } from './useEntryEditor.ts';

/**
 * 填报表: one row per indicator with its unit, the value being entered, the previous period and the
 * same period last year, and the rule findings beside it.
 *
 * Keyboard: Tab / Shift+Tab and Enter / Shift+Enter go to the next / previous value cell, ↑ / ↓ move
 * a row, Esc puts back what the cell held when it was entered. Figures show in the page's number
 * format and are edited as plain decimals. A block pasted from Excel fills the cell and the ones
 * below (see pasteBlock.ts).
 */
export function EntryGrid({ editor, editable }: { editor: EntryEditor; editable: boolean }) {
  const { t, lang, num } = useI18n();
  const { sheet } = editor;
  const items = sheet.items;
  const { inputs, focused, setFocused, origin, onKeyDown } = useGridKeys(editor, editable);
  const { pasteNote, onPaste } = usePasteBlock(editor, editable);
  const baseId = useId();
  const byIndicator = findingsByIndicator(sheet.findings);
  // A returned sheet's comment is repeated at the cells it names (issue 18), as the reviewer wrote it.
  const commented = new Set(sheet.submission.commentCells);
  // Comments the reviewer wrote at single cells (review view) are shown there instead, as written.
  const atCell = sheet.submission.cellComments;
  const invalid = new Set(editor.invalid);
  const missing = new Set(sheet.missing);

  const display = (text: string, i: number) => (focused === i || !isDecimal(text) ? text : num(normaliseDecimal(text)));

  const first = items[0];
  // Column headings, also written beside each cell when the grid stacks into one column on a phone.
  const headers = {
    value: t('reporting.grid.value', { period: periodLabel(sheet.period, lang) }),
    previous: t('reporting.grid.previous', { period: first ? periodLabel(first.previous.period, lang) : '' }),
    lastYear: t('reporting.grid.lastYear', { period: first ? periodLabel(first.lastYear.period, lang) : '' }),
  };
  return (
    <div className="entry-grid-wrap">
      <p className="muted small entry-keys" id={`${baseId}-keys`}>
        {t('reporting.grid.keys')}
      </p>
      <div className="table-wrap">
        <table className="data-table entry-grid" data-testid="entry-grid" aria-describedby={`${baseId}-keys`}>
          <thead>
            <tr>
              <th scope="col">{t('reporting.grid.indicator')}</th>
              <th scope="col" className="col-value">
                {headers.value}
              </th>
              <th scope="col" className="col-num">
                {headers.previous}
              </th>
              <th scope="col" className="col-num">
                {headers.lastYear}
              </th>
              <th scope="col">{t('reporting.grid.checks')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => {
              const findings = byIndicator.get(item.indicator) ?? [];
              const hasError = invalid.has(item.indicator) || findings.some((f) => f.severity === 'error');
              const hasWarning = findings.some((f) => f.severity === 'warning');
              const text = editor.cellText(item.indicator);
              const name = lang === 'zh' ? item.name : item.nameEn;
              const checksId = `${baseId}-checks-${i}`;
              const edited = item.indicator in editor.edits;
              return (
                <tr
                  key={item.indicator}
                  className={`entry-row${hasError ? ' has-error' : hasWarning ? ' has-warning' : ''}${edited ? ' is-edited' : ''}`}
                  data-testid="entry-row"
                  data-indicator={item.indicator}
                >
                  <EntryNameCell
                    item={item}
                    name={name}
                    missing={missing.has(item.indicator) && !edited}
                    cellComment={atCell[item.indicator]}
                    namedComment={commented.has(item.indicator) ? sheet.submission.reviewComment : undefined}
                  />
                  <td className="cell-value" data-label={headers.value}>
                    <span className="cell-box">
                      <input
                        ref={(el) => {
                          inputs.current[i] = el;
                        }}
                        className="input cell-input"
                        inputMode="decimal"
                        autoComplete="off"
                        spellCheck={false}
                        aria-label={t('reporting.grid.cellLabel', { name, unit: item.unit })}
                        aria-invalid={hasError || undefined}
                        aria-describedby={checksId}
                        readOnly={!editable}
                        value={display(text, i)}
                        onFocus={() => {
                          origin.current = text;
                          setFocused(i);
                        }}
                        onBlur={() => {
                          setFocused((f) => (f === i ? null : f));
                          if (editable) editor.scheduleSave();
                        }}
                        onChange={(e) => editor.setCell(item.indicator, e.target.value)}
                        onKeyDown={(e) => onKeyDown(e, i)}
                        onPaste={(e) => onPaste(e, i)}
                        data-testid="cell"
                        data-indicator={item.indicator}
                      />
                      <span className="cell-unit">{item.unit}</span>
                    </span>
                  </td>
                  <td className="col-num" data-testid="previous" data-label={headers.previous}>
                    <EarlierFigure figure={item.previous} num={num} />
                  </td>
                  <td className="col-num" data-testid="last-year" data-label={headers.lastYear}>
                    <EarlierFigure figure={item.lastYear} num={num} />
                  </td>
                  <td>
                    <CellChecks
                      item={item}
                      findings={findings}
                      invalid={invalid.has(item.indicator)}
                      editor={editor}
                      editable={editable}
                      id={checksId}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pasteNote && (
        <p className="status status-ok paste-note" role="status" data-testid="paste-note">
          {pasteNote}
        </p>
      )}
    </div>
  );
}

/**
 * A comparison figure; demo (synthetic) figures carry a visible tag so nobody takes them for real, and
 * a figure the unit submitted that is not yet approved is tagged 待审 in the entry grid, 未审核 in the
 * review view (`label="unreviewed"`, issue 18).
 */
export function EarlierFigure({
  figure,
  num,
  label = 'pending',
}: {
  figure: PeriodValue;
  num: (v: string) => string;
  label?: 'pending' | 'unreviewed';
}) {
  const { t } = useI18n();
  if (figure.value === null) return <span className="muted">{t('common.dash')}</span>;
  return (
    <>
      {num(figure.value)}
      {figure.pending ? (
        <span className="tag tag-pending" title={t('reporting.grid.pendingTitle')} data-testid={`figure-${label}`}>
          {t(label === 'pending' ? 'reporting.grid.pending' : 'reporting.reviewView.unreviewed')}
        </span>
      ) : figure.origin === 'synthetic' ? (
        <span className="tag tag-synthetic" title={t('reporting.grid.syntheticTitle')}>
          {t('reporting.grid.synthetic')}
        </span>
      ) : null}
    </>
  );
}
