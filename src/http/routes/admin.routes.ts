import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ROLES } from '../../domain/access/roles.ts';
import { decimal } from '../../domain/model/common.schema.ts';
import { periodTextSchema } from '../../domain/period/period.ts';
import { auditEntrySchema } from '../../presenters/auth.presenter.ts';
import { errorResponseSchema } from '../../presenters/page.schema.ts';
import { readAuditHistory } from '../../services/audit-read.service.ts';
import { signedHeadSchema } from '../../domain/audit/signed-head.ts';
import { headVerificationSchema, presentHeadVerification } from '../../presenters/audit-head.presenter.ts';
import { recordAudit, signedAuditHead, verifyAuditChain, verifyAuditChainWithHead } from '../../services/audit.service.ts';
import { writeBackupFile } from '../../services/backup.service.ts';
import { saveDraftValue } from '../../services/data-entry.service.ts';
import { createUser, usersInScope } from '../../services/user.service.ts';
import type { RouteDeps } from '../route-deps.ts';
import { bodyText, param } from '../auth/access-control.ts';
import { routeOptions } from '../route-options.ts';

const adminRoute = routeOptions('admin');
const auditRoute = routeOptions('audit');
const dataValuesRoute = routeOptions('data values');
const usersRoute = routeOptions('users');

export const adminRoutes =
  ({ database, auditKey }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = database;
    app.get(
      '/users',
      usersRoute({ action: 'manage_users', resource: 'global' }, 'Users in your scope / 用户', {
        response: {
          200: z.object({
            items: z.array(
              z.object({
                username: z.string(),
                displayName: z.string(),
                orgUnit: z.string().nullable(),
                disabled: z.boolean(),
                demo: z.boolean(),
              }),
            ),
          }),
        },
      }),
      async (req) => ({
        items: (await usersInScope(db, req.actor!)).map((u) => ({
          username: u.username,
          displayName: u.display_name,
          orgUnit: u.org_unit_code,
          disabled: u.disabled_at !== null,
          demo: u.is_demo,
        })),
      }),
    );
    app.post(
      '/users',
      {
        config: {
          access: { action: 'manage_users', resource: (req) => ({ orgUnit: bodyText(req, 'orgUnit') }) },
        },
        schema: {
          tags: ['users'],
          summary: 'Create a user with scoped roles / 创建用户',
          body: z.object({
            username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/),
            displayName: z.string().min(1).max(100),
            orgUnit: z.string().optional(),
            password: z.string().min(1).max(256),
            grants: z
              .array(z.object({ role: z.enum(ROLES), orgUnit: z.string().optional(), plans: z.array(z.string()).optional() }))
              .min(1),
          }),
          response: { 201: z.object({ username: z.string() }), 400: errorResponseSchema, 409: errorResponseSchema },
        },
      },
      async (req, reply) => {
        await createUser(database, req.actor!, req.body);
        return reply.status(201).send({ username: req.body.username });
      },
    );
    app.get(
      '/audit',
      auditRoute(
        { action: 'read_audit', resource: 'global' },
        "A record's history from the audit log, within your read scope / 修改记录",
        {
          description:
            'Accounts, logins, tokens and backups: administrators only (403 to others). Data values, submissions and tasks: ' +
            'only those the entity’s own read route shows you (404 otherwise, as for a key never written). IP addresses: ' +
            'administrators only.',
          querystring: z.object({
            entity: z.string().max(50),
            key: z.string().max(300),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: z.object({ items: z.array(auditEntrySchema) }), 403: errorResponseSchema, 404: errorResponseSchema },
        },
      ),
      async (req) => ({
        items: (await readAuditHistory(db, req.actor!, req.query.entity, req.query.key, req.query.limit)).map((e) => ({
          id: e.id,
          at: e.at,
          actor: e.actor,
          via: e.via,
          ip: e.ip,
          action: e.action,
          before: e.before,
          after: e.after,
        })),
      }),
    );
    app.get(
      '/audit/verify',
      auditRoute({ action: 'backup', resource: 'global' }, 'Verify the audit hash chain / 校验审计链', {
        response: {
          200: z.object({
            ok: z.boolean(),
            entries: z.number().optional(),
            entryId: z.number().optional(),
            reason: z.string().optional(),
          }),
        },
      }),
      () => verifyAuditChain(db),
    );
    app.get(
      '/audit/head',
      auditRoute(
        { action: 'backup', resource: 'global' },
        'The signed head of the audit chain, to keep outside the database / 签名的审计链头',
        { response: { 200: signedHeadSchema } },
      ),
      () => signedAuditHead(db, auditKey),
    );
    app.post(
      '/audit/verify',
      auditRoute(
        { action: 'backup', resource: 'global' },
        'Verify the chain against a signed head kept outside: finds the newest entries deleted / 对照链头校验审计链',
        { body: signedHeadSchema, response: { 200: headVerificationSchema } },
      ),
      async (req) => presentHeadVerification(await verifyAuditChainWithHead(db, req.body, auditKey)),
    );
    app.get(
      '/admin/backup',
      adminRoute({ action: 'backup', resource: 'global' }, 'Download a consistent backup (gzip, JSON lines) / 下载备份', {
        produces: ['application/gzip'],
      }),
      async (req, reply) => {
        // Written to a temporary file first: on PGlite the backup holds the only connection, so it
        // must finish quickly rather than at the pace of the download.
        const dir = await mkdtemp(path.join(tmpdir(), 'plantrack-backup-'));
        const file = path.join(dir, `plantrack-${new Date().toISOString().slice(0, 10)}.backup.gz`);
        await writeBackupFile(database, file, auditKey);
        await database.db
          .transaction()
          .execute((trx) =>
            recordAudit(trx, req.actor!, { action: 'backup', entity: 'database', entityKey: path.basename(file) }),
          );
        const stream = createReadStream(file);
        stream.on('close', () => void rm(dir, { recursive: true, force: true }));
        return reply
          .header('content-type', 'application/gzip')
          .header('content-disposition', `attachment; filename="${path.basename(file)}"`)
          .send(stream);
      },
    );
    app.put(
      '/data-values/:orgUnit/:indicator/:period',
      dataValuesRoute(
        { action: 'report', resource: (req) => ({ orgUnit: param(req, 'orgUnit') }) },
        'Save a draft figure for a unit you report for (optimistic concurrency) / 填报数值',
        {
          params: z.object({ orgUnit: z.string(), indicator: z.string(), period: periodTextSchema }),
          body: z.object({ value: decimal(), cumulative: z.boolean().default(false), expectedVersion: z.number().int().min(0) }),
          response: {
            200: z.object({ value: z.string(), version: z.number(), status: z.string() }),
            404: errorResponseSchema,
            409: errorResponseSchema,
          },
        },
      ),
      (req) => saveDraftValue(database, req.actor!, { ...req.params, ...req.body }),
    );
  };
