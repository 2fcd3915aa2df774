import type { RefObject } from 'react';
import { DocumentView, type DocMark, type MarkState } from '../components/DocumentView.tsx';
import { DocLegend } from '../components/ReviewParts.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** The document with every candidate marked; a passage selected in it is offered for adding. */
export function ReviewDocumentPanel({
  text,
  docRef,
  marks,
  states,
  selected,
  onSelect,
  onPassage,
}: {
  text: string;
  docRef: RefObject<HTMLDivElement | null>;
  marks: DocMark[];
  states: Record<string, MarkState>;
  selected: string | null;
  onSelect: (id: string) => void;
  onPassage: (passage: string) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="panel review-doc" aria-labelledby="doc-heading">
      <div className="review-doc-head">
        <h2 id="doc-heading" className="panel-title">
          {t('ingest.doc.heading')}
        </h2>
        <DocLegend />
      </div>
      <p className="panel-note">{t('ingest.doc.hint')}</p>
      <div
        className="review-doc-scroll"
        ref={docRef}
        tabIndex={0}
        onMouseUp={() => {
          // A passage selected in the document is ready to be added as a missed target or task.
          const chosen = window.getSelection()?.toString() ?? '';
          if (chosen.trim()) onPassage(chosen.trim());
        }}
      >
        <DocumentView
          text={text}
          marks={marks}
          states={states}
          selected={selected}
          onSelect={onSelect}
          label={t('ingest.doc.heading')}
        />
      </div>
    </section>
  );
}
