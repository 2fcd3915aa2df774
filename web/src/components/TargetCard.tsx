import type { Target } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { describeTargetValue, withUnit } from '../i18n/targetWording.ts';
import { href } from '../router.ts';
import { QuoteBlock } from './QuoteBlock.tsx';
import { Fact } from './Fact.tsx';

interface TargetCardProps {
  target: Target;
  indicatorName?: (code: string) => string | undefined;
  /** Extra line under the heading, e.g. "经由分组「滇中」" on the org-unit page. */
  context?: string;
  /** Show the section heading (on pages that are not filtered by section). */
  showSection?: boolean;
}

export function TargetCard({ target, indicatorName, context, showSection = false }: TargetCardProps) {
  const i18n = useI18n();
  const { t, lang, num, label } = i18n;
  const ind = target.indicator;
  const name = lang === 'en' && ind.nameEn ? ind.nameEn : ind.name;
  const note = lang === 'en' && target.noteEn ? target.noteEn : target.note;
  const conflict = target.conflictsWith.length > 0;
  const tv = target.target;
  const words = describeTargetValue(tv, ind.unit, i18n, indicatorName);
  const showWording = tv.text && tv.comparator !== 'qualitative';

  return (
    <article className={`card target-card${conflict ? ' has-conflict' : ''}`} data-testid="target-card" data-key={target.key}>
      <header className="card-head">
        <h3 className="card-title">
          {name}
          {ind.unit && <span className="unit">{lang === 'zh' ? `（${ind.unit}）` : ` (${ind.unit})`}</span>}
        </h3>
        <span className={`badge badge-${target.nature}`} title={t('target.nature')}>
          {label('target.nature', target.nature)}
        </span>
      </header>
      {context && <p className="card-context">{context}</p>}

      <p className="target-value">
        <span className="target-year">{t('target.goalYear', { year: target.target.year })}</span>
        <strong className={tv.comparator === 'qualitative' ? 'qualitative' : undefined}>{words}</strong>
      </p>

      {conflict && (
        <p className="conflict" role="note">
          <span className="badge badge-conflict" data-testid="conflict-badge">
            {t('target.conflict')}
          </span>
          <span>
            {note && <span className="conflict-text">{note}</span>}
            <span className="conflict-keys">
              {t('target.conflictWith', {
                keys: target.conflicts
                  .map((c) =>
                    t('target.conflictItem', {
                      name: lang === 'en' && c.indicator.nameEn ? c.indicator.nameEn : c.indicator.name,
                      year: c.target.year,
                      value: describeTargetValue(c.target, c.indicator.unit, i18n, indicatorName),
                    }),
                  )
                  .join(t('common.listSeparator')),
              })}
            </span>
          </span>
        </p>
      )}

      <dl className="facts">
        <Fact term="target.scope">
          {target.orgUnit ? (
            <a href={href('org-units', target.orgUnit.code)}>{target.orgUnit.name}</a>
          ) : target.group ? (
            <>
              <span className="tag">{t('target.groupTag')}</span> {target.group.name}
            </>
          ) : (
            t('common.dash')
          )}
        </Fact>
        <Fact term="target.baseline">
          {target.baseline
            ? t('target.baselineValue', {
                year: target.baseline.year,
                value: withUnit(num(target.baseline.value), ind.unit),
              })
            : t('common.dash')}
        </Fact>
        <TrajectoryFact points={target.trajectory} />
        {showWording && <Fact term="target.planWording">{tv.text}</Fact>}
        {showSection && target.section && (
          <Fact term="target.section">
            <a href={href('plans', target.planId, { section: target.section.key })}>{target.section.heading}</a>
          </Fact>
        )}
        {!conflict && note && <Fact term="target.note">{note}</Fact>}
      </dl>

      <QuoteBlock source={target.source} planId={target.planId} />
    </article>
  );
}

/** A target's path of yearly values (目标路径), where it has one. */
export function TrajectoryFact({ points }: { points: readonly { year: number; value: string }[] | null | undefined }) {
  const { t, num } = useI18n();
  if (!points || points.length === 0) return null;
  return (
    <Fact term="target.trajectory">
      <ol className="inline-list trajectory">
        {points.map((p) => (
          <li key={p.year}>{t('target.baselineValue', { year: p.year, value: num(p.value) })}</li>
        ))}
      </ol>
    </Fact>
  );
}
