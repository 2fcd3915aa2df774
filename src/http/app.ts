import { reportingRoutes } from './routes/reporting.routes.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/project-root.ts';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from '../config/env.ts';
import { DEFAULT_INPUT_LIMITS } from '../config/input-limits.ts';
import { auditKey } from '../config/audit-key.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { asAppError } from './error-reply.ts';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { databaseRateLimitStore } from './rate-limit-store.ts';
import { accessControlPlugin, type RouteAccess } from './auth/access-control.ts';
import { readiness } from './readiness.ts';
import { answersChanged, mayWrite } from '../services/answers/answer-cache.ts';
import { retryIdempotentReads } from './idempotent-retry.ts';
import { registerExportAudit } from './audit/export-audit.ts';
import { registerAuditHeadLog } from './audit/head-log.ts';
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
import { homeRoutes } from './routes/home.routes.ts';
import { publishedRoutes } from './routes/published.routes.ts';

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
    const e = asAppError(err);
    if (e.code === 'DATABASE_UNAVAILABLE') {
      // A restart or failover: expected and brief, so a warning, and the client is told when to retry.
      req.log.warn(err);
      reply.header('retry-after', '5');
    } else if (e.status >= 500) req.log.error(err);
    return reply
      .status(e.status)
      .send({ error: { code: e.code, message: e.message, messageZh: e.messageZh, details: e.details } });
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
  // The dashboards' kept answers (issues 19, 22) are judged afresh after anything that may have
  // written; before the answer leaves, so that a client's next request already finds them gone.
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode < 400 && mayWrite(req.method, req.url)) {
      answersChanged(database);
      // Dashboards read through dashboardReads (a hot standby when configured): its answers go too.
      if (database.replica) answersChanged(database.replica);
    }
    return payload;
  });
  await app.register(
    async (api) => {
      api.get('/health', { config: { access: { action: 'public' } }, schema: { hide: true } }, async () => ({ status: 'ok' }));
      // Liveness: the process answers (a load balancer restarts it otherwise). Readiness: the database
      // answers and every migration is applied (a load balancer sends it traffic only then).
      api.get('/health/live', { config: { access: { action: 'public' } }, schema: { hide: true } }, async () => ({
        status: 'live',
      }));
      api.get('/health/ready', { config: { access: { action: 'public' } }, schema: { hide: true } }, async (_req, reply) => {
        const state = await readiness(database);
        return reply.status(state.status === 'ready' ? 200 : 503).send(state);
      });
      registerExportAudit(api, database);
      registerAuditHeadLog(api, database, deps.auditKey);
      await api.register(authRoutes(deps));
      await api.register(adminRoutes(deps));
      await api.register(planRoutes(deps));
      await api.register(targetRoutes(deps));
      await api.register(catalogueRoutes(deps));
      await api.register(ingestionRoutes(deps));
      await api.register(reportingRoutes(deps));
      await api.register(progressRoutes(deps));
      await api.register(homeRoutes(deps));
      await api.register(publishedRoutes(deps));
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
        const e = new AppError('NOT_FOUND', 'no such route', '接口不存在');
        return reply.status(e.status).send({ error: { code: e.code, message: e.message, messageZh: e.messageZh } });
      }
      return reply.sendFile('index.html');
    });
  }
  return { app, routes };
}
