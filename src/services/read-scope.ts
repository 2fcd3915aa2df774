import { readableRoots } from '../domain/access/authorize.ts';
import { subtreeUnitIds } from '../repositories/org-unit.repository.ts';
import type { Executor } from '../repositories/transaction.ts';
import type { Actor } from './actor.ts';

/** Org units whose data the actor may see: null = all. Lists are filtered to these. */
export type ReadScope = readonly number[] | null;

export async function readScope(db: Executor, actor: Actor): Promise<ReadScope> {
  const roots = readableRoots(actor.grants);
  return roots === null ? null : subtreeUnitIds(db, roots);
}
