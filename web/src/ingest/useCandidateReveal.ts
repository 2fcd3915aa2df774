import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { scrollIntoContainer } from '../components/scrollIntoContainer.ts';
import type { Filter } from '../components/ReviewParts.tsx';
import type { ReviewState } from './reviewModel.ts';

/**
 * The selected candidate and the list's filter: selecting one (from its card or its mark in the
 * document) shows it on the other side, widening the filter when it would hide it.
 */
export function useCandidateReveal(reviewRef: RefObject<ReviewState>) {
  const [selected, setSelected] = useState<string | null>(null);
  const [reveal, setReveal] = useState<{ id: string; card: boolean; doc: boolean; n: number } | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const docRef = useRef<HTMLDivElement>(null);

  // Scroll after the render that shows the selection.
  useEffect(() => {
    if (!reveal) return;
    const esc = CSS.escape(reveal.id);
    if (reveal.doc) scrollIntoContainer(docRef.current?.querySelector(`mark[data-ids~="${esc}"]`) ?? null, docRef.current);
    if (reveal.card)
      document
        .querySelector(`[data-testid^="candidate-"][data-id="${esc}"]`)
        ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [reveal]);

  const show = useCallback(
    (id: string, where: { card: boolean; doc: boolean }) => {
      setSelected(id);
      const s = reviewRef.current;
      const decision = s.targets[id]?.decision ?? s.tasks[id]?.decision;
      setFilter((f) => (f === 'all' || f === decision ? f : 'all'));
      setReveal((prev) => ({ id, ...where, n: (prev?.n ?? 0) + 1 }));
    },
    [reviewRef],
  );
  return { selected, setSelected, filter, setFilter, docRef, show };
}
