import type { ReactNode } from 'react';
import type { SheetFinding, SheetItem } from '../api/reportingTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { EntryEditor } from './useEntryEditor.ts';

/** Findings by the indicator rows they concern (a two-indicator rule shows on both rows). */
export function findingsByIndicator(findings: readonly SheetFinding[]): Map<string, SheetFinding[]> {
  const out = new Map<string, SheetFinding[]>();
  for (const f of findings)
    for (const code of f.indicators) {
      if (!out.has(code)) out.set(code, []);
      out.get(code)!.push(f);
    }
  return out;
}

/** The rule messages beside one cell; a warning that needs a comment gets its explanation box on its first row. */
export function CellChecks({
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
  const { t } = useI18n();
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
          <FindingBox key={f.key} finding={f} testId="finding" withKey>
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
          </FindingBox>
        );
      })}
    </div>
  );
}

/** A rule finding's kind (错误 / 警告) and message, in the entry grid and the review view. */
export function FindingMessage({ finding }: { finding: SheetFinding }) {
  const { t, lang } = useI18n();
  return (
    <p className="finding-message">
      <span className="finding-kind">
        {t(finding.severity === 'error' ? 'reporting.finding.error' : 'reporting.finding.warning')}
      </span>
      {lang === 'zh' ? finding.message.zh : finding.message.en}
    </p>
  );
}

/** A finding's box: its kind and message, then what the page adds (the explanation box or the explanation given). */
export function FindingBox({
  finding,
  testId,
  withKey = false,
  children,
}: {
  finding: SheetFinding;
  testId: string;
  /** Carry the finding's key (data-key), for the grid whose explanation boxes are keyed by it. */
  withKey?: boolean;
  children?: ReactNode;
}) {
  return (
    <div
      className={`finding finding-${finding.severity}`}
      data-testid={testId}
      data-rule={finding.ruleId}
      data-severity={finding.severity}
      data-key={withKey ? finding.key : undefined}
    >
      <FindingMessage finding={finding} />
      {children}
    </div>
  );
}
