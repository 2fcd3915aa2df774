import { useRef, useState, type FormEvent } from 'react';
import { ApiError, api, clearCache } from '../api/client.ts';
import type { Draft } from '../api/types.ts';
import { href, navigate } from '../router.ts';
import { forgetState } from './reviewStorage.ts';
import {
  buildReview,
  placeProblems,
  problemsFromDetails,
  type Catalogues,
  type PlacedProblem,
  type ReviewState,
} from './reviewModel.ts';

/**
 * Merging a reviewed draft into a plan: the review is checked here first, and what is wrong (here or
 * on the server) is listed and scrolled to; a merged draft opens its plan.
 */
export function useDraftMerge(draft: Draft, effective: ReviewState, catalogues: Catalogues) {
  const [problems, setProblems] = useState<PlacedProblem[] | null>(null);
  const [merging, setMerging] = useState(false);
  const errorsRef = useRef<HTMLDivElement>(null);

  const showProblems = (found: PlacedProblem[]) => {
    setProblems(found);
    window.setTimeout(() => {
      errorsRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      errorsRef.current?.focus({ preventScroll: true });
    }, 0);
  };

  const merge = async (e: FormEvent) => {
    e.preventDefault();
    if (merging) return;
    const built = buildReview(draft, effective, catalogues);
    if (built.problems.length > 0) {
      showProblems(placeProblems(built.problems, built));
      return;
    }
    setMerging(true);
    setProblems(null);
    try {
      await api.acceptDraft(draft.id, built.review);
      forgetState(draft);
      // New indicators, counts and plan lists changed.
      clearCache();
      navigate(href('plans', built.review.plan.id));
    } catch (err) {
      setMerging(false);
      const fromServer = err instanceof ApiError ? problemsFromDetails(err.details) : [];
      if (fromServer.length > 0) showProblems(placeProblems(fromServer, built));
      else if (err instanceof ApiError) showProblems([{ field: '(root)', zh: err.messageZh, en: err.message }]);
      else showProblems([{ field: '(root)', zh: String(err), en: String(err) }]);
    }
  };

  return { problems, merging, merge, errorsRef };
}
