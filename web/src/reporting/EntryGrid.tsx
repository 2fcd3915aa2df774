import { useId, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { PeriodValue, SheetFinding, SheetItem } from '../api/reportingTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isDecimal, normaliseDecimal } from './decimalText.ts';
import { isBlock, planPaste } from './pasteBlock.ts';
import { periodLabel } from './periods.ts';
import type { EntryEditor } from './useEntryEditor.ts';

/** Findings by the indicator rows they concern (a two-indicator rule shows on both rows). */
function findingsByIndicator(findings: readonly SheetFinding[]): Map<string, SheetFinding[]> {
  const out = new Map<string, SheetFinding[]>();
  for (const f of findings)
    for (const code of f.indicators) {
      if (!out.has(code)) out.set(code, []);
      out.get(code)!.push(f);
    }
  return out;
}

/** The rule messages beside one cell; a warning that needs a comment gets its explanation box on its first row. */
function CellChecks({
  item,
  findings,
  invalid,
  editor,
  editable,
  id,
}: {
  item: SheetItem;
  findings: readonly SheetFinding[];
  invalid: boolean;
  editor: EntryEditor;
  editable: boolean;
  id: string;
}) {
  const { t, lang } = useI18n();
  return (
    <div id={id} className="cell-checks">
      {invalid && (
        <p className="finding finding-error" data-testid="cell-invalid">
          {t('reporting.grid.notANumber')}
        </p>
      )}
      {findings.map((f) => {
        const explain = f.severity === 'warning' && f.needsComment && f.indicators[0] === item.indicator;
        const note = editor.noteText(f.key);
        return (
          <div
            key={f.key}
            className={`finding finding-${f.severity}`}
            data-testid="finding"
            data-rule={f.ruleId}
            data-severity={f.severity}
            data-key={f.key}
          >
            <p className="finding-message">
              <span className="finding-kind">
                {t(f.severity === 'error' ? 'reporting.finding.error' : 'reporting.finding.warning')}
              </span>
              {lang === 'zh' ? f.message.zh : f.message.en}
            </p>
            {explain && (
              <label className="explanation">
                <span className="explanation-label">
                  {t('reporting.finding.explain')}
                  {!note.trim() && <span className="explanation-needed">{t('reporting.finding.explainNeeded')}</span>}
                </span>
                <textarea
                  className="input explanation-input"
                  rows={2}
                  maxLength={2000}
                  value={note}
                  readOnly={!editable}
                  placeholder={editable ? t('reporting.finding.explainPlaceholder') : undefined}
                  onChange={(e) => editor.setNote(f.key, e.target.value)}
                  onBlur={() => editable && editor.scheduleSave()}
                  data-testid="explanation"
                  data-key={f.key}
                />
              </label>
            )}
          </div>
        );
      })}
    </div>
  );
}

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
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const [focused, setFocused] = useState<number | null>(null);
  /** Bumped to select the focused cell's text again (after Esc). */
  const [reselect, setReselect] = useState(0);
  const origin = useRef('');
  const [pasteNote, setPasteNote] = useState<string | null>(null);
  const baseId = useId();
  const byIndicator = findingsByIndicator(sheet.findings);
  // A returned sheet's comment is repeated at the cells it names (issue 18), as the reviewer wrote it.
  const commented = new Set(sheet.submission.commentCells);
  // Comments the reviewer wrote at single cells (review view) are shown there instead, as written.
  const atCell = sheet.submission.cellComments;
  const invalid = new Set(editor.invalid);
  const missing = new Set(sheet.missing);

  // Entering a cell selects its content, as a spreadsheet does; runs before the next key press.
  useLayoutEffect(() => {
    if (focused !== null) inputs.current[focused]?.select();
  }, [focused, reselect]);

  const move = (from: number, delta: number): boolean => {
    const to = from + delta;
    const el = inputs.current[to];
    if (to < 0 || to >= items.length || !el) return false;
    el.focus();
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, i: number) => {
    const item = items[i]!;
    if (e.key === 'Tab' || e.key === 'Enter') {
      const delta = e.shiftKey ? -1 : 1;
      // Tab past the last (or before the first) cell leaves the grid as usual.
      if (move(i, delta) || e.key === 'Enter') e.preventDefault();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(i, e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Escape' && editable) {
      e.preventDefault();
      editor.setCell(item.indicator, origin.current);
      setReselect((n) => n + 1);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>, i: number) => {
    if (!editable) return;
    const text = e.clipboardData.getData('text/plain');
    if (!isBlock(text)) return; // one value: the browser pastes it into the cell
    e.preventDefault();
    const plan = planPaste(
      text,
      items.map((it) => ({ indicator: it.indicator, name: it.name, nameEn: it.nameEn })),
      i,
    );
    for (const f of plan.fills) editor.setCell(f.indicator, f.text);
    setPasteNote(
      t(plan.mode === 'name' ? 'reporting.paste.byName' : 'reporting.paste.byPosition', {
        n: plan.fills.length,
        skipped: plan.skipped,
      }),
    );
    editor.scheduleSave();
  };

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
                  <th scope="row" className="entry-name">
                    <span className="name-zh" title={lang === 'zh' ? item.indicator : undefined}>
                      {name}
                    </span>
                    {item.required && (
                      <span className="required" title={t('reporting.grid.required')}>
                        *
                      </span>
                    )}
                    <span className="entry-tags">
                      {/* The indicator's code matters to the English (API) reader; the Chinese page names it only. */}
                      {lang === 'en' && <code className="code-tag">{item.indicator}</code>}
                      {item.cumulative && <span className="tag">{t('reporting.grid.cumulative')}</span>}
                      {missing.has(item.indicator) && !edited && (
                        <span className="tag tag-missing">{t('reporting.grid.missing')}</span>
                      )}
                    </span>
                    {atCell[item.indicator] !== undefined ? (
                      <span className="cell-comment" role="note" data-testid="cell-comment" data-kind="cell">
                        <strong>{t('reporting.grid.reviewComment')}</strong>
                        {atCell[item.indicator]}
                      </span>
                    ) : (
                      commented.has(item.indicator) && (
                        <span className="cell-comment" role="note" data-testid="cell-comment" data-kind="named">
                          <strong>{t('reporting.grid.reviewComment')}</strong>
                          {sheet.submission.reviewComment}
                        </span>
                      )
                    )}
                  </th>
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
