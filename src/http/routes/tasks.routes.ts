import { z } from 'zod';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { calendarDateSchema } from '../../domain/period/calendar-date.ts';
import { TASK_STATUSES } from '../../domain/tasks/task-status.ts';
import {
  errorResponseSchema,
  pageOf,
  pageQuerySchema,
  PG_INT_MAX,
  rowIdSchema,
  errorResponses,
} from '../../presenters/page.schema.ts';
import {
  attachmentResponseSchema,
  noticeResponseSchema,
  taskBoardSchema,
  taskDetailSchema,
  taskImportResultSchema,
  trackedTaskSchema,
} from '../../presenters/task-tracking.presenter.ts';
import { downloadAttachment, uploadAttachment } from '../../services/tasks/attachment.service.ts';
import { closeNotice, issueNotice, noticeResource, replyNotice } from '../../services/tasks/notice.service.ts';
import { listTrackedTasksFor, taskBoard, taskDetail } from '../../services/tasks/task-query.service.ts';
import { exportTaskSheet, importTaskSheet } from '../../services/tasks/task-sheet.service.ts';
import { addMilestone, closeTask, postContribution, postUpdate } from '../../services/tasks/task-write.service.ts';
import type { AttachmentConfig } from '../../storage/attachment-store.ts';
import { createAttachmentStore, fallbackAttachmentConfig } from '../../storage/create-store.ts';
import { AppError } from '../../errors/app-error.ts';
import { taskPostingResource } from '../auth/unit-resources.ts';
import type { RouteApp, RouteDeps } from '../route-deps.ts';
import { idParam, param, queryPlan } from '../auth/access-control.ts';
import { routeOptions } from '../route-options.ts';

const tasksRoute = routeOptions('tasks');

const isoDate = calendarDateSchema;
const bool = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));
const taskParams = z.object({ plan: z.string(), key: z.string() });
const errors = errorResponses(400, 404, 409, 422);
const attachmentIds = z.array(z.string().uuid()).max(20).default([]);
const postedText = z.string().min(1).max(20000);
/** What a lead unit's update and a co-unit's contribution both carry; `orgUnit` picks the unit (see taskPostingResource). */
const postingBody = z.object({ orgUnit: z.string().optional(), text: postedText, attachments: attachmentIds });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const planOf = (req: FastifyRequest) => ({ plan: param(req, 'plan') });

/**
 * Task supervision (issue 8): tracked tasks with derived status, boards per unit, milestones,
 * progress updates, co-unit contributions, 销号, 督办 notices, attachments and the Excel task list.
 */
export const taskRoutes =
  (deps: RouteDeps & { attachments?: AttachmentConfig }): FastifyPluginAsyncZod =>
  async (app) => {
    const attachments = deps.attachments ?? fallbackAttachmentConfig();
    taskListRoutes(app, deps);
    taskItemRoutes(app, deps);
    noticeRoutes(app, deps);
    await attachmentRoutes(app, deps, attachments);
  };

/** The task list, a unit's board, and the task sheet out and in. */
function taskListRoutes(app: RouteApp, deps: RouteDeps) {
  const { database, limits } = deps;
  app.get(
    '/tasks/tracking',
    tasksRoute(
      { action: 'read', resource: queryPlan },
      'Tasks with derived status (未启动/推进中/已完成/滞后/已销号), filtered / 任务督办列表',
      {
        querystring: pageQuerySchema.extend({
          plan: z.string().optional(),
          orgUnit: z.string().optional(),
          role: z.enum(['lead', 'co']).optional(),
          status: z.enum(TASK_STATUSES).optional(),
          overdue: bool,
          q: z.string().optional(),
        }),
        response: { 200: pageOf(trackedTaskSchema), 400: errorResponseSchema, 404: errorResponseSchema },
      },
    ),
    (req) => listTrackedTasksFor(database, req.actor!, req.query),
  );
  app.get(
    '/tasks/board',
    {
      config: {
        access: {
          action: 'read',
          resource: (req) => {
            const orgUnit = (req.query as { orgUnit?: string }).orgUnit;
            return orgUnit === undefined ? {} : { orgUnit };
          },
        },
      },
      schema: {
        tags: ['tasks'],
        summary: "A unit's task board: as lead and as co-unit (default: my own unit) / 单位任务看板",
        querystring: z.object({ orgUnit: z.string().optional() }),
        response: { 200: taskBoardSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    (req) => taskBoard(database, req.actor!, req.query.orgUnit),
  );
  app.get(
    '/tasks/export',
    {
      config: {
        access: { action: 'read', resource: queryPlan },
        exportAudit: (req) => ({ what: 'task_list', scope: (req.query as { plan: string }).plan, format: 'xlsx' }),
      },
      schema: {
        tags: ['tasks'],
        summary: 'Download the task list (.xlsx: 序号/任务/牵头单位/配合单位/完成时限) / 导出任务清单',
        querystring: z.object({ plan: z.string() }),
        produces: [XLSX],
      },
    },
    async (req, reply) => {
      const file = await exportTaskSheet(database, req.actor!, req.query.plan);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
        .send(file.bytes);
    },
  );
  app.post(
    '/tasks/import',
    {
      config: { access: { action: 'define_plans', resource: (req) => ({ plan: (req.query as { plan: string }).plan }) } },
      schema: {
        tags: ['tasks'],
        summary:
          'Import a task list (.xlsx, raw body); dryRun previews, keepUnmatched keeps unknown unit names as text / 导入任务清单',
        querystring: z.object({ plan: z.string(), dryRun: bool, keepUnmatched: bool }),
        response: { 200: taskImportResultSchema, ...errors, 413: errorResponseSchema, 415: errorResponseSchema },
      },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body))
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'send the .xlsx file as the raw request body',
          '请以原始请求体上传 .xlsx 文件',
        );
      return importTaskSheet(database, req.actor!, req.query.plan, req.body, {
        dryRun: req.query.dryRun ?? false,
        keepUnmatched: req.query.keepUnmatched ?? false,
        limits,
      });
    },
  );
}

/** One task: its detail, milestones, updates and contributions, 销号 and the notices it is given. */
function taskItemRoutes(app: RouteApp, deps: RouteDeps) {
  const { database } = deps;
  app.get(
    '/tasks/:plan/:key',
    tasksRoute({ action: 'read' }, 'One task: milestones, progress timeline, notices / 任务详情', {
      params: taskParams,
      response: { 200: taskDetailSchema, 404: errorResponseSchema },
    }),
    (req) => taskDetail(database, req.actor!, req.params.plan, req.params.key),
  );
  app.post(
    '/tasks/:plan/:key/milestones',
    tasksRoute({ action: 'define_plans', resource: planOf }, 'Add a milestone (plan office; version of the task) / 添加里程碑', {
      params: taskParams,
      body: z.object({ title: z.string().min(1).max(500), dueOn: isoDate, version: z.number().int().min(0).max(PG_INT_MAX) }),
      response: { 201: taskDetailSchema, ...errors },
    }),
    async (req, reply) =>
      reply.status(201).send(await addMilestone(database, req.actor!, req.params.plan, req.params.key, req.body)),
  );
  app.post(
    '/tasks/:plan/:key/updates',
    tasksRoute(
      { action: 'report', resource: taskPostingResource(deps.database.db, 'lead') },
      'Progress update by a lead unit (text, percent, attachments, milestones done) / 牵头单位报送进展',
      {
        params: taskParams,
        body: postingBody.extend({
          percent: z.number().int().min(0).max(100),
          milestonesDone: z.array(z.number().int().positive()).default([]),
        }),
        response: { 201: taskDetailSchema, ...errors },
      },
    ),
    async (req, reply) =>
      reply.status(201).send(await postUpdate(database, req.actor!, req.params.plan, req.params.key, req.body)),
  );
  app.post(
    '/tasks/:plan/:key/contributions',
    tasksRoute(
      { action: 'report', resource: taskPostingResource(deps.database.db, 'co') },
      "A co-unit's contribution (text, attachments) / 配合单位报送配合情况",
      { params: taskParams, body: postingBody, response: { 201: taskDetailSchema, ...errors } },
    ),
    async (req, reply) =>
      reply.status(201).send(await postContribution(database, req.actor!, req.params.plan, req.params.key, req.body)),
  );
  app.post(
    '/tasks/:plan/:key/close',
    tasksRoute(
      { action: 'define_plans', resource: planOf },
      'Close a task (销号) with a reason (plan office; version of the task) / 任务销号',
      {
        params: taskParams,
        body: z.object({ reason: z.string().min(1).max(2000), version: z.number().int().min(0).max(PG_INT_MAX) }),
        response: { 200: taskDetailSchema, ...errors },
      },
    ),
    (req) => closeTask(database, req.actor!, req.params.plan, req.params.key, req.body),
  );
  app.post(
    '/tasks/:plan/:key/notices',
    tasksRoute(
      { action: 'define_plans', resource: planOf },
      'Issue a supervision notice (督办单) to one of the task’s units / 下发督办单',
      {
        params: taskParams,
        body: z.object({ orgUnit: z.string(), text: z.string().min(1).max(5000), replyBy: isoDate }),
        response: { 201: noticeResponseSchema, ...errors },
      },
    ),
    async (req, reply) =>
      reply.status(201).send(await issueNotice(database, req.actor!, req.params.plan, req.params.key, req.body)),
  );
}

/** Replying to and closing a supervision notice (督办单). */
function noticeRoutes(app: RouteApp, deps: RouteDeps) {
  const { database } = deps;
  const noticeParams = z.object({ id: rowIdSchema });
  const noticeOf = (req: FastifyRequest) => noticeResource(database, idParam(req, 'id'));
  app.post(
    '/task-notices/:id/reply',
    tasksRoute({ action: 'report', resource: noticeOf }, 'Reply to a supervision notice (the noticed unit) / 回复督办单', {
      params: noticeParams,
      body: z.object({ text: postedText, attachments: attachmentIds }),
      response: { 200: noticeResponseSchema, ...errors },
    }),
    (req) => replyNotice(database, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/task-notices/:id/close',
    tasksRoute(
      { action: 'define_plans', resource: async (req) => ({ plan: (await noticeOf(req)).plan }) },
      'Close a supervision notice (plan office) / 关闭督办单',
      { params: noticeParams, response: { 200: noticeResponseSchema, ...errors } },
    ),
    (req) => closeNotice(database, req.actor!, req.params.id),
  );
}

/** Attachments of updates, contributions and replies: upload and download. */
async function attachmentRoutes(app: RouteApp, deps: RouteDeps, attachments: AttachmentConfig) {
  const { database } = deps;
  const store = createAttachmentStore(attachments.store);

  // Uploads in their own context: every content type arrives as raw bytes (text/plain too, which
  // the app otherwise reads as a string), up to the attachment limit rather than the body limit.
  await app.register(async (uploadContext) => {
    const upload = uploadContext.withTypeProvider<ZodTypeProvider>();
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: attachments.maxBytes }, (_req, body, done) =>
      done(null, body),
    );
    upload.post(
      '/attachments',
      {
        config: { access: { action: 'report', resource: 'global' } },
        bodyLimit: attachments.maxBytes,
        schema: {
          tags: ['tasks'],
          summary: 'Upload an attachment (raw body, ?name=; pdf docx xlsx png jpg txt) / 上传附件',
          querystring: z.object({ name: z.string().min(1).max(255) }),
          response: {
            201: attachmentResponseSchema,
            400: errorResponseSchema,
            413: errorResponseSchema,
            415: errorResponseSchema,
            422: errorResponseSchema,
          },
        },
      },
      async (req, reply) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const a = await uploadAttachment(database, store, req.actor!, {
          name: req.query.name,
          declaredType: req.headers['content-type'] ?? null,
          bytes: body,
          maxBytes: attachments.maxBytes,
        });
        return reply.status(201).send(a);
      },
    );
  });
  app.get(
    '/attachments/:id',
    tasksRoute({ action: 'read' }, 'Download an attachment (always as a download, never rendered inline) / 下载附件', {
      params: z.object({ id: z.string().max(64) }),
    }),
    async (req, reply) => {
      const file = await downloadAttachment(database, store, req.actor!, req.params.id);
      const ascii = file.name.replace(/[^\w.-]/g, '_');
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.bytes));
    },
  );
}
