import type { FastifyRequest } from 'fastify';
import { authorize } from '../../domain/access/authorize.ts';
import { parentLinks } from '../../repositories/org-unit.repository.ts';
import { projectZoneCode } from '../../repositories/project.repository.ts';
import { findTaskId, taskUnits } from '../../repositories/task-supervision.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import { bodyText, idParam, param } from './access-control.ts';

/**
 * Resource functions of writes checked against an org unit that the stored thing names, beside the
 * plan-owned ones (plan-owned-resources.ts): the access rule runs before the route, so it reads the
 * unit itself. An unknown id names no unit; the service then answers 404.
 */

/** Writes on one project need `report` on the project's zone. */
export const projectZoneResource = (db: Executor) => async (req: FastifyRequest) => ({
  orgUnit: await projectZoneCode(db, idParam(req, 'id')),
});

/**
 * A lead or co post acts for the unit named in the body, else for the first unit in that role the
 * caller may report for (else the first one, which the rule then refuses).
 */
export const taskPostingResource = (db: Executor, role: 'lead' | 'co') => async (req: FastifyRequest) => {
  const [plan, key] = [param(req, 'plan'), param(req, 'key')];
  const named = bodyText(req, 'orgUnit');
  if (named !== undefined) return { orgUnit: named, plan };
  const id = await findTaskId(db, plan, key);
  const units = id === undefined ? [] : (await taskUnits(db, id)).filter((u) => u.role === role);
  const parents = await parentLinks(db);
  const mine = units.find((u) => authorize(req.actor!.grants, 'report', { orgUnit: u.code, plan }, (c) => parents.get(c)));
  const unit = mine ?? units[0];
  return unit ? { orgUnit: unit.code, plan } : { plan };
};
