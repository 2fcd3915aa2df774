import type { PlanScope, ReviewState, TargetEdit } from './reviewModel.ts';

/*
 * "Apply the default scope to all": after the plan's default scope changes, the targets that still
 * name the old default are moved to the new one in one action. Pure.
 */

export const sameScope = (a: PlanScope | null, b: PlanScope | null) => a?.kind === b?.kind && a?.code === b?.code;

/** Targets whose own scope is this one (not those that follow the default already). */
export function targetsScopedTo(state: Pick<ReviewState, 'targets'>, scope: PlanScope): string[] {
  return Object.entries(state.targets)
    .filter(([, x]) => x.edit.scope === scope.code && x.edit.scopeKind === scope.kind)
    .map(([id]) => id);
}

/** The targets follow the plan's default scope from now on (their own scope cleared). */
export function followDefaultScope<S extends Pick<ReviewState, 'targets'>>(
  state: S,
  ids: readonly string[],
  initial: (id: string) => TargetEdit | undefined,
): S {
  const targets = { ...state.targets };
  for (const id of ids) {
    const x = targets[id];
    if (!x) continue;
    const edit: TargetEdit = { ...x.edit, scope: '', scopeKind: 'orgUnit' };
    targets[id] = { ...x, edit, edited: JSON.stringify(edit) !== JSON.stringify(initial(id)) };
  }
  return { ...state, targets };
}
