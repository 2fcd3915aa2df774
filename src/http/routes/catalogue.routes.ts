import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { periodTextSchema, parsePeriod, periodBounds } from '../../domain/period/period.ts';
import { ORG_UNIT_KINDS, GROUP_KINDS } from '../../domain/model/org-unit.schema.ts';
import { DATA_ORIGINS } from '../../domain/model/data-value.schema.ts';
import { dataValueResponseSchema } from '../../presenters/data-value.presenter.ts';
import { indicatorResponseSchema } from '../../presenters/indicator.presenter.ts';
import {
  groupMembershipResultSchema,
  groupResponseSchema,
  orgUnitDetailSchema,
  orgUnitResponseSchema,
  unitAliasSchema,
} from '../../presenters/org-unit.presenter.ts';
import { errorResponseSchema, pageOf, pageQuerySchema } from '../../presenters/page.schema.ts';
import {
  getOrgUnit,
  queryDataValues,
  queryGroups,
  queryIndicators,
  queryOrgUnits,
} from '../../services/catalogue-query.service.ts';
import { changeGroupMembers } from '../../services/group-membership.service.ts';
import { readScope } from '../../services/read-scope.ts';
import type { RouteDeps } from '../route-deps.ts';
import type { FastifyRequest } from 'fastify';
import { bodyField, param } from '../auth/access-control.ts';
import { ALIAS_KINDS, addUnitAlias, listUnitAliases, removeUnitAlias } from '../../services/org-units/unit-alias.service.ts';
import { groupChangesOwner, groupFileChangesOwner } from '../auth/plan-owned-resources.ts';
import { importGroupMembers, readableSheetChanges } from '../../services/group-membership-import.service.ts';
import { createOrgUnit } from '../../services/org-units/create-org-unit.service.ts';
import { NEW_GROUP_KINDS, createGroup } from '../../services/org-units/create-group.service.ts';
import type { Resource } from '../../domain/access/authorize.ts';
import { routeOptions } from '../route-options.ts';

const dataValuesRoute = routeOptions('data values');
const indicatorsRoute = routeOptions('indicators');
const orgUnitsRoute = routeOptions('org units');

/** Every unit a group-membership request adds or removes, read from the unvalidated body. */
function namedUnits(req: FastifyRequest): string[] {
  const changes = bodyField(req, 'changes');
  if (!Array.isArray(changes)) return [];
  return changes.flatMap((c: unknown) =>
    c !== null && typeof c === 'object'
      ? [(c as { add?: unknown }).add, (c as { remove?: unknown }).remove].flatMap((l) =>
          Array.isArray(l) ? l.filter((u): u is string => typeof u === 'string') : [],
        )
      : [],
  );
}

const codeSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'code may contain only letters, digits, . _ -');

/**
 * A unit or group made by hand belongs to no plan yet: it needs a plan-manager grant over every
 * plan, and over the units it touches (the new unit's parent, the group's members); a new root
 * (四川省) touches the whole tree.
 */
function newUnitResource(req: FastifyRequest): Resource {
  const parent = bodyField(req, 'parent');
  return typeof parent === 'string' ? { orgUnit: parent, everyPlan: true } : { everyUnit: true, everyPlan: true };
}
function newGroupResource(req: FastifyRequest): Resource {
  const members = bodyField(req, 'members');
  return Array.isArray(members) && members.every((m) => typeof m === 'string')
    ? { orgUnits: members as string[], everyPlan: true }
    : { everyUnit: true, everyPlan: true };
}

export const catalogueRoutes =
  ({ database, limits }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = database;
    await app.register(groupImportRoute(database, limits));
    app.get(
      '/org-units',
      orgUnitsRoute(
        { action: 'read' },
        'Organisation units in your scope: province, prefectures, departments, zones / 组织单位',
        {
          querystring: pageQuerySchema.extend({
            kind: z.enum(ORG_UNIT_KINDS).optional(),
            parent: z.string().optional(),
            q: z.string().max(200).optional(),
          }),
          response: { 200: pageOf(orgUnitResponseSchema) },
        },
      ),
      async (req) => {
        const { limit, offset, ...filter } = req.query;
        return queryOrgUnits(db, { ...filter, unitIds: await readScope(db, req.actor!) }, { limit, offset });
      },
    );
    app.post(
      '/org-units',
      orgUnitsRoute(
        { action: 'define_plans', resource: newUnitResource },
        'Create an org unit by hand, in Yunnan or elsewhere (e.g. 四川省, 成都市); code made from the parent when left out; audited / 新建组织单位（留痕）',
        {
          body: z.object({
            code: codeSchema.optional().describe('left out: the parent code and a number, e.g. SC-1 (OU-1 without a parent)'),
            name: z.string().min(1).max(200),
            nameEn: z.string().max(200).optional(),
            kind: z.enum(ORG_UNIT_KINDS),
            parent: z.string().min(1).optional().describe('code of the unit above; left out for a new top-level unit'),
          }),
          response: { 201: orgUnitResponseSchema, 400: errorResponseSchema, 409: errorResponseSchema },
        },
      ),
      async (req, reply) => reply.status(201).send(await createOrgUnit(database, req.actor!, req.body)),
    );
    app.get(
      '/org-units/:code',
      orgUnitsRoute({ action: 'read' }, 'One org unit with the groups it belongs to', {
        params: z.object({ code: z.string() }),
        response: {
          200: orgUnitDetailSchema,
          404: errorResponseSchema,
        },
      }),
      async (req) => getOrgUnit(db, req.params.code, await readScope(db, req.actor!)),
    );
    // Names a unit goes by: read by whoever sees the unit, changed by its administrators.
    const adminOfUnit = { action: 'manage_users' as const, resource: (req: FastifyRequest) => ({ orgUnit: param(req, 'code') }) };
    app.get(
      '/org-units/:code/aliases',
      orgUnitsRoute({ action: 'read' }, 'Other names of a unit (简称, former names, short forms) matched at import / 单位别名', {
        params: z.object({ code: z.string() }),
        response: { 200: z.object({ items: z.array(unitAliasSchema) }), 404: errorResponseSchema },
      }),
      async (req) => {
        await getOrgUnit(db, req.params.code, await readScope(db, req.actor!));
        return { items: await listUnitAliases(db, req.params.code) };
      },
    );
    app.post(
      '/org-units/:code/aliases',
      orgUnitsRoute(adminOfUnit, 'Add a name the unit goes by, kept as written, audited / 添加单位别名（留痕）', {
        params: z.object({ code: z.string() }),
        body: z.object({ alias: z.string().min(1).max(200), kind: z.enum(ALIAS_KINDS).default('short') }),
        response: { 201: unitAliasSchema, 400: errorResponseSchema, 409: errorResponseSchema },
      }),
      async (req, reply) =>
        reply.status(201).send(await addUnitAlias(database, req.actor!, req.params.code, req.body.alias, req.body.kind)),
    );
    app.delete(
      '/org-units/:code/aliases/:id',
      orgUnitsRoute(adminOfUnit, 'Remove an alias of the unit, audited / 删除单位别名（留痕）', {
        params: z.object({ code: z.string(), id: z.coerce.number().int() }),
        response: { 204: z.null(), 404: errorResponseSchema },
      }),
      async (req, reply) => {
        await removeUnitAlias(database, req.actor!, req.params.code, req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/groups',
      orgUnitsRoute({ action: 'read' }, 'Groups across the tree: 板块, 主体功能区, zone level', {
        querystring: z.object({ kind: z.enum(GROUP_KINDS).optional() }),
        response: { 200: pageOf(groupResponseSchema) },
      }),
      async (req) => queryGroups(db, req.query, await readScope(db, req.actor!)),
    );
    app.post(
      '/groups',
      orgUnitsRoute(
        { action: 'define_plans', resource: newGroupResource },
        'Create a group of units (e.g. 成渝地区), code G-n when left out; audited / 新建分组（留痕）',
        {
          body: z.object({
            code: codeSchema.optional(),
            name: z.string().min(1).max(200),
            nameEn: z.string().max(200).optional(),
            kind: z.enum(NEW_GROUP_KINDS).default('other'),
            members: z.array(z.string().min(1)).min(1).max(500),
          }),
          response: { 201: groupResponseSchema, 400: errorResponseSchema, 409: errorResponseSchema },
        },
      ),
      async (req, reply) => reply.status(201).send(await createGroup(database, req.actor!, req.body)),
    );
    app.post(
      '/groups/members',
      {
        // Every unit added or removed must lie in the manager's subtree, and every group named be of the manager's plans.
        config: { access: { action: 'define_plans', resource: groupChangesOwner(db, namedUnits) } },
        schema: {
          tags: ['org units'],
          summary:
            'Assign units to groups (主体功能区 types) and take them out, all or nothing, audited / 调整分组成员（如主体功能区类型），留痕',
          body: z.object({
            changes: z
              .array(
                z.object({
                  group: z.string().min(1),
                  add: z.array(z.string().min(1)).default([]),
                  remove: z.array(z.string().min(1)).default([]),
                }),
              )
              .min(1),
            reason: z.string().max(2000).describe('why the plan office assigns these units (kept in the audit trail)'),
          }),
          response: { 200: groupMembershipResultSchema, 400: errorResponseSchema, 422: errorResponseSchema },
        },
      },
      async (req) => changeGroupMembers(database, req.actor!, req.body.changes, req.body.reason),
    );
    app.get(
      '/indicators',
      indicatorsRoute({ action: 'read' }, 'Indicator catalogue / 指标目录', {
        querystring: pageQuerySchema.extend({ q: z.string().max(200).optional() }),
        response: { 200: pageOf(indicatorResponseSchema) },
      }),
      (req) => {
        const { limit, offset, ...filter } = req.query;
        return queryIndicators(db, filter, { limit, offset });
      },
    );
    app.get(
      '/data-values',
      dataValuesRoute({ action: 'read' }, 'Data values in your scope (numeric as decimal strings) / 数据', {
        querystring: pageQuerySchema.extend({
          indicator: z.string().optional(),
          orgUnit: z.string().optional(),
          origin: z.enum(DATA_ORIGINS).optional(),
          from: periodTextSchema.optional().describe('first period, e.g. 2020 or 2021-03'),
          to: periodTextSchema.optional().describe('last period'),
        }),
        response: { 200: pageOf(dataValueResponseSchema) },
      }),
      async (req) => {
        const { limit, offset, from, to, ...filter } = req.query;
        return queryDataValues(
          db,
          {
            ...filter,
            unitIds: await readScope(db, req.actor!),
            from: from === undefined ? undefined : periodBounds(parsePeriod(from)!).start,
            to: to === undefined ? undefined : periodBounds(parsePeriod(to)!).end,
          },
          { limit, offset },
        );
      },
    );
  };

/** Maximum size of an uploaded group assignment workbook: a few hundred rows take a few kilobytes. */
const MAX_ASSIGNMENT_FILE_BYTES = 5 * 1024 * 1024;

/**
 * POST /groups/members/import: the plan office's .xlsx assignment workbook as the raw body, applied like
 * POST /groups/members (same service, all or nothing, audited) and authorized on every group and unit it names.
 */
const groupImportRoute =
  (database: RouteDeps['database'], limits: RouteDeps['limits']): FastifyPluginAsyncZod =>
  async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ASSIGNMENT_FILE_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    const bytesOf = (req: FastifyRequest) => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    app.post(
      '/groups/members/import',
      {
        config: {
          access: {
            action: 'define_plans',
            resource: groupFileChangesOwner(database.db, (req) => readableSheetChanges(database.db, bytesOf(req), limits)),
          },
        },
        bodyLimit: MAX_ASSIGNMENT_FILE_BYTES,
        schema: {
          tags: ['org units'],
          summary:
            'Assign units to groups from an .xlsx (raw body; first sheet, columns 单位/单位代码 and 分组/类型), all or nothing, audited / 导入Excel调整分组成员（留痕）',
          querystring: z.object({
            reason: z.string().max(2000).describe('why the plan office assigns these units (kept in the audit trail)'),
          }),
          response: {
            200: groupMembershipResultSchema,
            400: errorResponseSchema,
            413: errorResponseSchema,
            422: errorResponseSchema,
          },
        },
      },
      async (req) => importGroupMembers(database, req.actor!, bytesOf(req), req.query.reason, limits),
    );
  };
