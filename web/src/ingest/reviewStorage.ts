import type { Draft } from '../api/types.ts';
import {
  NO_ADDED,
  allTargets,
  allTasks,
  initialState,
  initialTargetEdit,
  initialTaskEdit,
  type AddedCandidates,
  type CandidateReview,
  type ReviewState,
} from './reviewModel.ts';

/* ---------- keeping the review across reloads (this tab only) ---------- */

const storageKey = (draft: Draft) => `plantrack.ingest.${draft.id}`;

export function loadState(draft: Draft): ReviewState {
  const fresh = initialState(draft);
  try {
    const raw = window.sessionStorage.getItem(storageKey(draft));
    if (!raw) return fresh;
    const saved = JSON.parse(raw) as { fileName?: string; length?: number; state?: ReviewState };
    if (saved.fileName !== draft.fileName || saved.length !== draft.text.length || !saved.state) return fresh;
    const s = saved.state;
    const added: AddedCandidates =
      s.added && Array.isArray(s.added.targets) && Array.isArray(s.added.tasks) ? { ...NO_ADDED, ...s.added } : NO_ADDED;
    // Only candidates this draft has (and the reviewer's own); anything else in storage is ignored.
    const pick = <E>(
      ids: string[],
      from: Record<string, CandidateReview<E>> | undefined,
      base: (id: string) => CandidateReview<E>,
    ) => Object.fromEntries(ids.map((id) => [id, from?.[id] && typeof from[id].edit === 'object' ? from[id] : base(id)]));
    const addedTarget = (id: string) => added.targets.find((c) => c.id === id)!;
    const addedTask = (id: string) => added.tasks.find((c) => c.id === id)!;
    return {
      plan: { ...fresh.plan, ...s.plan },
      targets: pick(
        allTargets(draft, { added }).map((c) => c.id),
        s.targets,
        (id) => fresh.targets[id] ?? { decision: 'pending', edit: initialTargetEdit(addedTarget(id)), edited: false },
      ),
      tasks: pick(
        allTasks(draft, { added }).map((c) => c.id),
        s.tasks,
        (id) => fresh.tasks[id] ?? { decision: 'pending', edit: initialTaskEdit(addedTask(id)), edited: false },
      ),
      added,
    };
  } catch {
    return fresh;
  }
}

export function saveState(draft: Draft, state: ReviewState): void {
  try {
    window.sessionStorage.setItem(
      storageKey(draft),
      JSON.stringify({ fileName: draft.fileName, length: draft.text.length, state }),
    );
  } catch {
    // Storage full or unavailable: the review then lasts as long as the page.
  }
}

export function forgetState(draft: Draft): void {
  try {
    window.sessionStorage.removeItem(storageKey(draft));
  } catch {
    // nothing kept
  }
}
