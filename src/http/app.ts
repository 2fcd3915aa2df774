import { reportingRoutes } from './routes/reporting.routes.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/project-root.ts';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { AppConfig } from '../config/env.ts';
import { DEFAULT_INPUT_LIMITS } from '../config/input-limits.ts';
import { auditKey } from '../config/audit-key.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { pendingMigrations } from '../db/migrate.ts';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { databaseRateLimitStore } from './rate-limit-store.ts';
import { accessControlPlugin, type RouteAccess } from './auth/access-control.ts';
import { isTransientDatabaseError } from '../db/transient-error.ts';
import { retryIdempotentReads } from './idempotent-retry.ts';
import { registerWellFormedInput } from './input/well-formed-input.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { ingestionRoutes } from './routes/ingestion.routes.ts';
import { catalogueRoutes } from './routes/catalogue.routes.ts';
import { planRoutes } from './routes/plans.routes.ts';
import { progressRoutes } from './routes/progress.routes.ts';
import { projectRoutes } from './routes/projects.routes.ts';
import { reportRoutes } from './routes/report.routes.ts';
import { targetRoutes } from './routes/targets.routes.ts';
import { taskRoutes } from './routes/tasks.routes.ts';
import { warningRoutes } from './routes/warnings.routes.ts';
import { industryMapRoutes } from './routes/industry-map.routes.ts';
import { evaluationRoutes } from './routes/evaluation.routes.ts';

export const WEB_DIST_DIR = path.join(PROJECT_ROOT, 'dist', 'web');
const WEB_ASSETS_DIR = path.join(WEB_DIST_DIR, 'assets');

export interface BuiltApp {
  app: FastifyInstance;
  /** Every API route with its access rule, as registered: the authorization matrix walks it. */
  routes: RouteAccess[];
}

export async function buildApp(
  database: Database,
  config: Pick<AppConfig, 'logLevel' | 'bodyLimit'> &
    Pick<Partial<AppConfig>, 'attachments' | 'inputLimits' | 'audit'> & { trustProxy?: boolean },
): Promise<BuiltApp> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: config.bodyLimit,
    // Only behind a proxy the operator declares: otherwise X-Forwarded-* could spoof address and scheme.
    trustProxy: config.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Plan files arrive as YAML (or JSON) text.
  app.addContentTypeParser(
    ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'],
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );
  // Uploaded documents (.docx, .pdf) and statistical files (.xlsx, .csv in any encoding) arrive as raw bytes.
  app.addContentTypeParser(
    [
      'application/octet-stream',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/csv',
    ],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(database) });
  const routes: RouteAccess[] = [];
  await app.register(accessControlPlugin, { database, routes });
  registerWellFormedInput(app);

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) {
      return reply
        .status(err.status)
        .send({ error: { code: err.code, message: err.message, messageZh: err.messageZh, details: err.details } });
    }
    if ((err as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send({ error: { code: 'BODY_TOO_LARGE', message: 'request body too large', messageZh: '请求内容过大' } });
    }
    if ((err as { code?: string }).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply
        .status(415)
        .send({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'unsupported content type', messageZh: '不支持的内容类型' } });
    }
    if ((err as { statusCode?: number }).statusCode === 429) {
      return reply.status(429).send({
        error: { code: 'RATE_LIMITED', message: 'too many requests; slow down', messageZh: '请求过于频繁，请稍后再试' },
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.status(400).send({
        error: {
          code: 'INVALID_REQUEST',
          message: 'the request is not valid',
          messageZh: '请求参数无效',
          details: err.validation.map((v) => ({ field: v.instancePath, message: v.message })),
        },
      });
    }
    if (isTransientDatabaseError(err)) {
      req.log.warn(err);
      return reply
        .status(503)
        .header('retry-after', '5')
        .send({
          error: {
            code: 'DATABASE_UNAVAILABLE',
            message: 'the database is briefly unavailable (restart or failover); try again in a few seconds',
            messageZh: '数据库暂时不可用（重启或主备切换），请几秒后重试',
          },
        });
    }
    const e = err as { statusCode?: number; code?: string; message?: string };
    const status = typeof e.statusCode === 'number' && e.statusCode >= 400 ? e.statusCode : 500;
    if (status >= 500) req.log.error(err);
    return reply.status(status).send({
      error: {
        code: status >= 500 ? 'INTERNAL' : (e.code ?? 'BAD_REQUEST'),
        message: status >= 500 ? 'internal error' : (e.message ?? 'bad request'),
        messageZh: status >= 500 ? '服务器内部错误' : '请求无效',
      },
    });
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'PlanTrack API 规划实施监测评估平台',
        description: 'Plans, sections, indicators, targets, tasks, org units and data values. Decimal values are strings.',
        version: '1.0.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const deps = { database, limits: config.inputLimits ?? DEFAULT_INPUT_LIMITS, auditKey: await auditKey(config.audit) };
  retryIdempotentReads(app);
  await app.register(
    async (api) => {
      api.get('/health', { config: { access: { action: 'public' } }, schema: { hide: true } }, async () => ({ status: 'ok' }));
      // Liveness: the process answers (a load balancer restarts it otherwise). Readiness: the database
      // answers and every migration is applied (a load balancer sends it traffic only then).
      api.get('/health/live', { config: { access: { action: 'public' } }, schema: { hide: true } }, async () => ({
        status: 'live',
      }));
      api.get('/health/ready', { config: { access: { action: 'public' } }, schema: { hide: true } }, async (_req, reply) => {
        try {
          const pending = await pendingMigrations(database);
          if (pending.length > 0) return reply.status(503).send({ status: 'not_ready', reason: 'migrations_pending', pending });
          return { status: 'ready' };
        } catch (err) {
          return reply.status(503).send({
            status: 'not_ready',
            reason: 'database_unreachable',
            message: err instanceof Error ? err.message : String(err),
          });
        }
      });
      await api.register(authRoutes(deps));
      await api.register(adminRoutes(deps));
      await api.register(planRoutes(deps));
      await api.register(targetRoutes(deps));
      await api.register(catalogueRoutes(deps));
      await api.register(ingestionRoutes(deps));
      await api.register(reportingRoutes(deps));
      await api.register(progressRoutes(deps));
      await api.register(projectRoutes(deps));
      await api.register(reportRoutes(deps));
      await api.register(warningRoutes(deps));
      await api.register(taskRoutes({ ...deps, attachments: config.attachments }));
      await api.register(industryMapRoutes(deps));
      await api.register(evaluationRoutes(deps));
    },
    { prefix: '/api/v1' },
  );

  if (existsSync(WEB_DIST_DIR)) {
    await app.register(fastifyStatic, {
      root: WEB_DIST_DIR,
      // scripts/build.js writes .br and .gz beside each asset; the one the browser accepts is sent.
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        // Vite names every file under assets/ by its content hash, so a name never changes meaning and
        // browsers may keep it for good; index.html (which names the current hashes) is revalidated.
        const hashed = filePath.startsWith(WEB_ASSETS_DIR + path.sep);
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // The web app routes with the URL hash; any unknown non-API path gets the shell.
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/')) {
        return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'no such route', messageZh: '接口不存在' } });
      }
      return reply.sendFile('index.html');
    });
  }
  return { app, routes };
}
