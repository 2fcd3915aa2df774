import { useCallback, useMemo, useState, type ComponentProps, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { RescopeOffer } from '../components/RescopeOffer.tsx';
import { followDefaultScope, sameScope, targetsScopedTo } from './rescope.ts';
import {
  planScopeOf,
  scopeName,
  type Catalogues,
  type PlanForm,
  type PlanScope,
  type ReviewState,
  type TargetEdit,
} from './reviewModel.ts';

/**
 * Changing the plan form, and after a change of the plan's default scope the offer to move the targets
 * that named the old one to the new one (null when there are none to move).
 */
export function usePlanRescope(
  review: ReviewState,
  reviewRef: RefObject<ReviewState>,
  setReview: Dispatch<SetStateAction<ReviewState>>,
  planScope: PlanScope | null,
  planScopeLabel: string | null,
  catalogues: Catalogues,
  initialEdit: (id: string) => unknown,
) {
  const [rescopeFrom, setRescopeFrom] = useState<PlanScope | null>(null);
  const changePlan = useCallback(
    (patch: Partial<PlanForm>) => {
      // The default scope left behind is the one whose targets may follow the new one (switching
      // between unit and group clears the scope for a moment: the one before that counts).
      const was = planScopeOf(reviewRef.current.plan);
      if (was && ('scope' in patch || 'scopeKind' in patch)) setRescopeFrom(was);
      setReview((s) => ({ ...s, plan: { ...s.plan, ...patch } }));
    },
    [reviewRef, setReview],
  );
  const rescopeIds = useMemo(
    () => (rescopeFrom && planScope && !sameScope(rescopeFrom, planScope) ? targetsScopedTo(review, rescopeFrom) : []),
    [rescopeFrom, planScope, review],
  );
  const rescope = () => {
    setReview((s) => followDefaultScope(s, rescopeIds, (id) => initialEdit(id) as TargetEdit | undefined));
    setRescopeFrom(null);
  };
  const offer: ComponentProps<typeof RescopeOffer> | null =
    rescopeFrom && planScope && rescopeIds.length > 0
      ? {
          from: scopeName(rescopeFrom, catalogues) ?? rescopeFrom.code,
          to: planScopeLabel ?? planScope.code,
          count: rescopeIds.length,
          onApply: rescope,
          onDismiss: () => setRescopeFrom(null),
        }
      : null;
  return { changePlan, offer };
}
