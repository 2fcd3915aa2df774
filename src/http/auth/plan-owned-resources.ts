import type { FastifyRequest } from 'fastify';
import { PG_INT_MAX } from '../../presenters/page.schema.ts';
import type { Resource } from '../../domain/access/authorize.ts';
import { planOwnedResource } from '../../domain/access/plan-owned.ts';
import { schemeOwners, schemePlans } from '../../domain/evaluation/scheme-plans.ts';
import { transferPlans } from '../../domain/projects/transfer-plans.ts';
import { findRun, findSchemeById, findSchemeVersion } from '../../repositories/evaluation.repository.ts';
import { groupSourcePlans } from '../../repositories/org-unit.repository.ts';
import { findProject, zoneByCode } from '../../repositories/project.repository.ts';
import { findForm, listForms } from '../../repositories/report-form.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import { transferAgreements } from '../../repositories/transfer.repository.ts';
import { bodyField, bodyText, idParam, param } from './access-control.ts';

/**
 * Resource functions of the writes on things that belong to plans (issue 21): each names the plans the
 * stored thing belongs to, so that a manager of one plan cannot change another plan's form rules, scheme,
 * runs, groups or transfers. Something not found names no plan (needs a grant for every plan); the
 * service then answers 404 to those who may look.
 */

/** A report form's plans (form.plans). */
export const formOwner = (db: Executor) => async (req: FastifyRequest) =>
  planOwnedResource((await findForm(db, param(req, 'form')))?.form.plans ?? []);

/**
 * Saving a scheme: the plans of its latest stored version and those the new definition cites, so that
 * neither another plan's scheme nor a new one citing another plan can be written.
 */
export const schemeSaveOwner = (db: Executor) => async (req: FastifyRequest) => {
  const latest = await findSchemeVersion(db, param(req, 'code'));
  return planOwnedResource([...(latest ? schemeOwners(latest.definition) : []), ...schemePlans(bodyField(req, 'definition'))]);
};

/** Running a stored scheme version (the body's scheme and version). */
export const schemeRunOwner = (db: Executor) => async (req: FastifyRequest) => {
  const code = bodyText(req, 'scheme') ?? '';
  const version = bodyField(req, 'version');
  // Not yet validated: a version beyond PostgreSQL's integer would fail the lookup (a 500 the fuzz test found).
  const known = typeof version === 'number' && Number.isInteger(version) && version > 0 && version <= PG_INT_MAX;
  const row = await findSchemeVersion(db, code, known ? version : undefined);
  return planOwnedResource(row ? schemeOwners(row.definition) : []);
};

/** The plans of the scheme version a stored run used (null when there is no such run). */
export async function runSchemeOwners(db: Executor, id: number): Promise<(string | null)[]> {
  const run = id ? await findRun(db, id) : undefined;
  const scheme = run && (await findSchemeById(db, run.scheme_id));
  return scheme ? schemeOwners(scheme.definition) : [];
}

/** Publishing a run: its scheme's plans. */
export const runOwner = (db: Executor) => async (req: FastifyRequest) =>
  planOwnedResource(await runSchemeOwners(db, idParam(req, 'id')));

/** A 督办 from a unit's result in a run: the run's scheme's plans, and the unit (in the manager's subtree). */
export const runUnitOwner = (db: Executor) => async (req: FastifyRequest) =>
  planOwnedResource(await runSchemeOwners(db, idParam(req, 'id')), [bodyText(req, 'unit') ?? '']);

/** Group membership changes: the plans of every group named, and every unit added or removed. */
export const groupChangesOwner =
  (db: Executor, namedUnits: (req: FastifyRequest) => string[]) =>
  async (req: FastifyRequest): Promise<Resource> => {
    const changes = bodyField(req, 'changes');
    const codes = Array.isArray(changes)
      ? changes.flatMap((c: unknown) => {
          const group = c !== null && typeof c === 'object' ? (c as { group?: unknown }).group : undefined;
          return typeof group === 'string' ? [group] : [];
        })
      : [];
    const plans = await groupSourcePlans(db, codes);
    return planOwnedResource(
      codes.map((c) => plans.get(c) ?? null),
      namedUnits(req),
    );
  };

/** Group membership changes read from an uploaded file (already parsed): the plans of every group and every unit named. */
export const groupFileChangesOwner =
  (db: Executor, changesOf: (req: FastifyRequest) => Promise<readonly { group: string; add?: readonly string[] }[]>) =>
  async (req: FastifyRequest): Promise<Resource> => {
    const changes = await changesOf(req);
    const codes = changes.map((c) => c.group);
    const plans = await groupSourcePlans(db, codes);
    return planOwnedResource(
      codes.map((c) => plans.get(c) ?? null),
      changes.flatMap((c) => c.add ?? []),
    );
  };

/** A transfer between two zones: both zones and the plans whose forms carry their shared figures. */
async function transferResource(db: Executor, zoneCodes: readonly string[]): Promise<Resource> {
  const zones = await Promise.all(zoneCodes.map(async (code) => ({ code, kind: (await zoneByCode(db, code))?.kind ?? '' })));
  const forms = (await listForms(db)).map((f) => f.form);
  return planOwnedResource(transferPlans(zones, forms), zoneCodes);
}

/** Recording a transfer: toZone and fromZone (default: the project's zone when it is not toZone). */
export const newTransferOwner = (db: Executor) => async (req: FastifyRequest) => {
  const to = bodyText(req, 'toZone');
  const projectId = bodyField(req, 'project');
  const project =
    typeof projectId === 'number' && Number.isInteger(projectId) && projectId > 0 && projectId <= PG_INT_MAX
      ? await findProject(db, projectId)
      : undefined;
  const from = bodyText(req, 'fromZone') ?? project?.zone_code;
  return transferResource(db, [...new Set([from, to].filter((z): z is string => z !== undefined))]);
};

/** Ending an agreement: its two zones. */
export const transferOwner = (db: Executor) => async (req: FastifyRequest) => {
  const id = idParam(req, 'id');
  const a = (await transferAgreements(db)).find((x) => x.id === id);
  return a ? transferResource(db, [a.from_zone_code, a.to_zone_code]) : planOwnedResource([]);
};
