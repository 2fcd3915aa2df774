import { useId, useState } from 'react';
import type { Span } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { findPassage } from '../ingest/handCandidates.ts';

/**
 * Adds a target or task the extraction missed, on a passage of the document: the one the reviewer
 * selected in the document (filled in here) or pasted. The new entry quotes that passage.
 */
export function AddCandidatePanel({
  text,
  passage,
  onPassage,
  onAdd,
}: {
  text: string;
  passage: string;
  onPassage: (passage: string) => void;
  onAdd: (kind: 'target' | 'task', span: Span) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const add = (kind: 'target' | 'task') => {
    if (!passage.trim()) return setProblem(t('ingest.add.empty'));
    const span = findPassage(text, passage);
    if (!span) return setProblem(t('ingest.add.notFound'));
    setProblem(null);
    onPassage('');
    onAdd(kind, span);
  };
  return (
    <section className="panel add-candidate" aria-labelledby={`${id}-h`} data-testid="add-candidate">
      <h2 id={`${id}-h`} className="panel-title">
        {t('ingest.add.heading')}
      </h2>
      <p className="panel-note">{t('ingest.add.hint')}</p>
      <div className="form-field field-wide">
        <label htmlFor={`${id}-p`}>{t('ingest.add.passage')}</label>
        <textarea
          id={`${id}-p`}
          className="input"
          rows={2}
          value={passage}
          onChange={(e) => onPassage(e.target.value)}
          data-testid="add-passage"
        />
        {problem && (
          <span className="field-error" role="alert">
            {problem}
          </span>
        )}
      </div>
      <div className="editor-actions">
        <button type="button" className="btn" onClick={() => add('target')} data-testid="add-target">
          {t('ingest.add.target')}
        </button>
        <button type="button" className="btn" onClick={() => add('task')} data-testid="add-task">
          {t('ingest.add.task')}
        </button>
      </div>
    </section>
  );
}
