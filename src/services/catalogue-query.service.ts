import { notFound } from '../errors/app-error.ts';
import { listDataValues, type DataValueFilter } from '../repositories/data-value.repository.ts';
import { listIndicators } from '../repositories/indicator.repository.ts';
import {
  findOrgUnit,
  groupsOfOrgUnit,
  listGroups,
  listOrgUnits,
  type OrgUnitFilter,
} from '../repositories/org-unit.repository.ts';
import type { Executor } from '../repositories/transaction.ts';
import type { ReadScope } from './read-scope.ts';
import { presentDataValue } from '../presenters/data-value.presenter.ts';
import { presentIndicator } from '../presenters/indicator.presenter.ts';
import { presentGroup, presentOrgUnit } from '../presenters/org-unit.presenter.ts';
import type { PageQuery } from '../presenters/page.schema.ts';

export async function queryOrgUnits(db: Executor, f: OrgUnitFilter, page: PageQuery) {
  const { rows, total } = await listOrgUnits(db, f, page);
  return { items: rows.map(presentOrgUnit), total, ...page };
}

/** Outside the caller's scope a unit is reported as not found, so its existence does not leak. */
export async function getOrgUnit(db: Executor, code: string, scope: ReadScope) {
  const row = await findOrgUnit(db, code);
  if (!row || (scope && !scope.includes(row.id))) throw notFound('org unit', code);
  return { ...presentOrgUnit(row), groups: await groupsOfOrgUnit(db, row.id) };
}

export async function queryGroups(db: Executor, f: { kind?: string }, scope: ReadScope) {
  const visible =
    scope === null
      ? null
      : new Set((await listOrgUnits(db, { unitIds: scope }, { limit: 100_000, offset: 0 })).rows.map((u) => u.code));
  const groups = (await listGroups(db))
    .filter((g) => f.kind === undefined || g.kind === f.kind)
    .map((g) => (visible ? { ...g, members: g.members.filter((m) => visible.has(m)) } : g));
  return { items: groups.map(presentGroup), total: groups.length, limit: groups.length, offset: 0 };
}

export async function queryIndicators(db: Executor, f: { q?: string }, page: PageQuery) {
  const { rows, total } = await listIndicators(db, f, page);
  return { items: rows.map(presentIndicator), total, ...page };
}

export async function queryDataValues(db: Executor, f: DataValueFilter, page: PageQuery) {
  const { rows, total } = await listDataValues(db, f, page);
  return { items: rows.map(presentDataValue), total, ...page };
}
