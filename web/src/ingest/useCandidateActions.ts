import { useCallback, useMemo, type Dispatch, type MutableRefObject, type SetStateAction } from 'react';
import type { Draft, Span, TargetCandidate, TaskCandidate } from '../api/types.ts';
import type { CatalogueEntry } from '../components/NewScopeForm.tsx';
import { freeId, handTarget, handTask, splitCandidate } from './handCandidates.ts';
import {
  allTargets,
  allTasks,
  initialTargetEdit,
  initialTaskEdit,
  needsIndicator,
  type CandidateReview,
  type Decision,
  type PlanScope,
  type ReviewState,
  type TargetEdit,
  type TaskEdit,
} from './reviewModel.ts';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
type AnyReview = CandidateReview<TargetEdit | TaskEdit>;

/**
 * What the reviewer does to candidates: decide, edit, revert, split one in two, add one the
 * extraction missed, remove one they added, and give a target a unit or group created for it.
 */
export function useCandidateActions(
  draft: Draft,
  reviewRef: MutableRefObject<ReviewState>,
  setReview: Dispatch<SetStateAction<ReviewState>>,
  setEditing: Dispatch<SetStateAction<string | null>>,
  select: (id: string) => void,
  addToCatalogue: (entry: CatalogueEntry) => void,
) {
  const initialEdit = useCallback(
    (id: string): TargetEdit | TaskEdit | undefined => {
      const s = reviewRef.current;
      const target = allTargets(draft, s).find((c) => c.id === id);
      if (target) return initialTargetEdit(target);
      const task = allTasks(draft, s).find((c) => c.id === id);
      return task ? initialTaskEdit(task) : undefined;
    },
    [draft, reviewRef],
  );
  const update = useCallback(
    (id: string, f: (x: AnyReview) => AnyReview) =>
      setReview((s) => {
        if (s.targets[id]) return { ...s, targets: { ...s.targets, [id]: f(s.targets[id]) as CandidateReview<TargetEdit> } };
        if (s.tasks[id]) return { ...s, tasks: { ...s.tasks, [id]: f(s.tasks[id]) as CandidateReview<TaskEdit> } };
        return s;
      }),
    [setReview],
  );

  const decide = useCallback(
    (id: string, decision: Decision) => {
      update(id, (x) => ({ ...x, decision }));
      select(id);
      // Accepting a target that still lacks an indicator opens its form.
      const target = reviewRef.current.targets[id];
      if (decision === 'accepted' && target && needsIndicator(target.edit)) setEditing(id);
      else setEditing((e) => (e === id && decision === 'rejected' ? null : e));
    },
    [update, select, reviewRef, setEditing],
  );
  const save = useCallback(
    (id: string, edit: TargetEdit | TaskEdit) => {
      update(id, () => ({ decision: 'accepted', edit, edited: !sameJson(edit, initialEdit(id)) }));
      setEditing(null);
    },
    [update, initialEdit, setEditing],
  );
  const revert = useCallback(
    (id: string) => {
      const edit = initialEdit(id);
      if (edit) update(id, (x) => ({ ...x, edit, edited: false }));
      setEditing((e) => (e === id ? null : e));
    },
    [update, initialEdit, setEditing],
  );

  const taken = (s: ReviewState) => new Set([...Object.keys(s.targets), ...Object.keys(s.tasks)]);
  const addCandidate = useCallback(
    (kind: 'target' | 'task', c: TargetCandidate | TaskCandidate, review: AnyReview, how: 'hand' | 'split') => {
      setReview((s) => ({
        ...s,
        ...(kind === 'target'
          ? { targets: { ...s.targets, [c.id]: review as CandidateReview<TargetEdit> } }
          : { tasks: { ...s.tasks, [c.id]: review as CandidateReview<TaskEdit> } }),
        added: {
          targets: kind === 'target' ? [...s.added.targets, c as TargetCandidate] : s.added.targets,
          tasks: kind === 'task' ? [...s.added.tasks, c as TaskCandidate] : s.added.tasks,
          how: { ...s.added.how, [c.id]: how },
        },
      }));
      setEditing(c.id);
      select(c.id);
    },
    [setReview, setEditing, select],
  );
  const add = useCallback(
    (kind: 'target' | 'task', span: Span) => {
      const s = reviewRef.current;
      const id = freeId('added', taken(s));
      if (kind === 'target') {
        const year = Number(s.plan.periodEnd) || new Date().getFullYear();
        const c = handTarget(id, draft.text, span, year, allTargets(draft, s));
        addCandidate('target', c, { decision: 'pending', edit: initialTargetEdit(c), edited: false }, 'hand');
      } else {
        const c = handTask(id, draft.text, span, allTasks(draft, s));
        addCandidate('task', c, { decision: 'pending', edit: initialTaskEdit(c), edited: false }, 'hand');
      }
    },
    [draft, reviewRef, addCandidate],
  );
  const split = useCallback(
    (id: string) => {
      const s = reviewRef.current;
      const target = allTargets(draft, s).find((c) => c.id === id);
      const task = target ? undefined : allTasks(draft, s).find((c) => c.id === id);
      const original = target ?? task;
      const review = s.targets[id] ?? s.tasks[id];
      if (!original || !review) return;
      const copy = splitCandidate(original, taken(s));
      // The copy starts from the reviewer's current values, as pending: it is edited on its own.
      addCandidate(target ? 'target' : 'task', copy, { ...review, decision: 'pending' }, 'split');
    },
    [draft, reviewRef, addCandidate],
  );
  const remove = useCallback(
    (id: string) => {
      setReview((s) => {
        const { [id]: _t, ...targets } = s.targets;
        const { [id]: _k, ...tasks } = s.tasks;
        const { [id]: _h, ...how } = s.added.how;
        return {
          ...s,
          targets,
          tasks,
          added: { targets: s.added.targets.filter((c) => c.id !== id), tasks: s.added.tasks.filter((c) => c.id !== id), how },
        };
      });
      setEditing((e) => (e === id ? null : e));
    },
    [setReview, setEditing],
  );
  const scopeCreated = useCallback(
    (id: string, entry: CatalogueEntry, scope: PlanScope) => {
      addToCatalogue(entry);
      update(id, (x) => {
        const edit = { ...(x.edit as TargetEdit), scopeKind: scope.kind, scope: scope.code };
        return { ...x, edit, edited: !sameJson(edit, initialEdit(id)) };
      });
    },
    [update, addToCatalogue, initialEdit],
  );

  return useMemo(
    () => ({ decide, save, revert, add, split, remove, scopeCreated, initialEdit }),
    [decide, save, revert, add, split, remove, scopeCreated, initialEdit],
  );
}
