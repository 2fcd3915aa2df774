import { DataTable } from '../components/DataTable.tsx';
import type { EntrySheet, SheetFinding, SheetItem } from '../api/reportingTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { changeOn, type Change } from '../../../src/domain/reporting/workflow/review-change.ts';
import { periodLabel } from './periods.ts';
import { FindingBox } from './CellChecks.tsx';
import { EarlierFigure } from './EntryGrid.tsx';

/**
 * The figures under review, read-only (issue 18: "the reviewer's view is a review view, not the
 * entry view"): per indicator the figure, last period's (marked 未审核 while that period awaits
 * review) with the change on it, the same period last year's with 同比, the rule findings with the
 * reporter's 情况说明, and a box for the reviewer's comment at that cell.
 */
export function ReviewTable({
  sheet,
  comments,
  onComment,
  commentable,
}: {
  sheet: EntrySheet;
  comments: Readonly<Record<string, string>>;
  onComment: (indicator: string, text: string) => void;
  commentable: boolean;
}) {
  const { t, lang } = useI18n();
  const first = sheet.items[0];
  const byIndicator = new Map<string, SheetFinding[]>();
  for (const f of sheet.findings) for (const code of f.indicators) byIndicator.set(code, [...(byIndicator.get(code) ?? []), f]);
  return (
    <DataTable
      className="data-table review-table"
      testId="review-table"
      columns={[
        'reporting.grid.indicator',
        { label: t('reporting.grid.value', { period: periodLabel(sheet.period, lang) }), className: 'col-num' },
        {
          label: t('reporting.grid.previous', { period: first ? periodLabel(first.previous.period, lang) : '' }),
          className: 'col-num',
        },
        { label: t('reporting.reviewView.changePrevious'), className: 'col-num' },
        {
          label: t('reporting.grid.lastYear', { period: first ? periodLabel(first.lastYear.period, lang) : '' }),
          className: 'col-num',
        },
        { label: t('reporting.reviewView.yearOnYear'), className: 'col-num' },
        'reporting.reviewView.checks',
        'reporting.reviewView.cellComment',
      ]}
    >
      {sheet.items.map((item) => (
        <ReviewRow
          key={item.indicator}
          item={item}
          findings={byIndicator.get(item.indicator) ?? []}
          explanations={sheet.submission.explanations}
          comment={comments[item.indicator] ?? ''}
          onComment={(text) => onComment(item.indicator, text)}
          commentable={commentable}
        />
      ))}
    </DataTable>
  );
}

function ReviewRow({
  item,
  findings,
  explanations,
  comment,
  onComment,
  commentable,
}: {
  item: SheetItem;
  findings: readonly SheetFinding[];
  explanations: Readonly<Record<string, string>>;
  comment: string;
  onComment: (text: string) => void;
  commentable: boolean;
}) {
  const { t, lang, num } = useI18n();
  const name = lang === 'zh' ? item.name : item.nameEn;
  const severity = findings.some((f) => f.severity === 'error') ? 'error' : findings.length ? 'warning' : null;
  return (
    <tr
      className={`review-row${severity ? ` has-${severity}` : ''}${comment.trim() ? ' has-comment' : ''}`}
      data-testid="review-row"
      data-indicator={item.indicator}
    >
      <th scope="row" className="entry-name">
        <span className="name-zh">{name}</span>
        <span className="entry-tags">
          {lang === 'en' && <code className="code-tag">{item.indicator}</code>}
          {item.cumulative && <span className="tag">{t('reporting.grid.cumulative')}</span>}
        </span>
      </th>
      <td className="col-num" data-testid="review-value">
        {item.value === null ? (
          <span className="muted">{t('reporting.reviewView.notReported')}</span>
        ) : (
          <>
            {num(item.value)} <span className="cell-unit">{item.unit}</span>
          </>
        )}
      </td>
      <td className="col-num" data-testid="review-previous">
        <EarlierFigure figure={item.previous} num={num} label="unreviewed" />
      </td>
      <td className="col-num" data-testid="change-previous">
        <ChangeCell change={changeOn(item.value, item.previous.value)} />
      </td>
      <td className="col-num" data-testid="review-last-year">
        <EarlierFigure figure={item.lastYear} num={num} label="unreviewed" />
      </td>
      <td className="col-num" data-testid="year-on-year">
        <ChangeCell change={changeOn(item.value, item.lastYear.value)} percentOnly />
      </td>
      <td>
        {findings.map((f) => (
          <FindingBox key={f.key} finding={f} testId="review-finding">
            {f.needsComment && f.indicators[0] === item.indicator && (
              <p className="review-explanation" data-testid="review-explanation" data-key={f.key}>
                <strong>{t('reporting.reviewView.explanation')}</strong>
                {explanations[f.key]?.trim() ? (
                  explanations[f.key]
                ) : (
                  <span className="muted">{t('reporting.reviewView.noExplanation')}</span>
                )}
              </p>
            )}
          </FindingBox>
        ))}
      </td>
      <td className="review-comment-cell">
        {commentable ? (
          <textarea
            className="input review-cell-comment"
            rows={2}
            maxLength={2000}
            value={comment}
            aria-label={t('reporting.reviewView.cellCommentLabel', { name })}
            placeholder={t('reporting.reviewView.cellCommentPlaceholder')}
            onChange={(e) => onComment(e.target.value)}
            data-testid="cell-review-comment"
            data-indicator={item.indicator}
          />
        ) : comment ? (
          <span data-testid="cell-review-comment-text">{comment}</span>
        ) : null}
      </td>
    </tr>
  );
}

/** An earlier figure; one the unit sent that is not yet approved is marked 未审核. */
/** +12.5 (+8.0%), or only the percent (同比); — when there is nothing to compare with. */
function ChangeCell({ change, percentOnly = false }: { change: Change | null; percentOnly?: boolean }) {
  const { t, num } = useI18n();
  if (change === null || (percentOnly && change.percent === null)) return <span className="muted">{t('common.dash')}</span>;
  const signed = (v: string) => (v.startsWith('-') ? `−${num(v.slice(1))}` : `+${num(v)}`);
  const percent = change.percent === null ? null : `${signed(change.percent)}%`;
  const direction = change.delta.startsWith('-') ? 'down' : change.delta === '0' ? 'flat' : 'up';
  return (
    <span className={`change change-${direction}`}>
      {percentOnly ? (
        percent
      ) : (
        <>
          {signed(change.delta)}
          {percent && <span className="muted"> ({percent})</span>}
        </>
      )}
    </span>
  );
}
