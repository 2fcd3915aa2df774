import { syncDatasetForms } from './services/reporting/form-sync.service.ts';
import { syncIndustryChains } from './services/industry-map/industry-chains.service.ts';
import { syncBuiltinSchemes } from './services/evaluation/scheme.service.ts';
import { syncPublishedFigures } from './services/published-figures.service.ts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from './config/env.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { buildApp } from './http/app.ts';
import type { RouteAccess } from './http/auth/access-control.ts';
import { formatDefinitionError } from './domain/plan-definition/definition-error.ts';
import { seedDemoAccounts } from './services/demo-accounts.service.ts';
import { loadDemoData } from './services/reporting/demo-data.service.ts';
import { loadDemoProjects } from './services/projects/demo-projects.service.ts';
import { syncDivisions } from './services/divisions.service.ts';
import { isEmpty, seedDataset } from './services/seed.service.ts';
import { hasAdmin } from './services/user.service.ts';
import { createMailer } from './services/notifications/mailer.ts';
import { startScheduler } from './services/notifications/scheduler.ts';

export interface RunningServer {
  app: FastifyInstance;
  routes: RouteAccess[];
  database: Database;
  url: string;
  close(): Promise<void>;
}

export class NoAdministratorError extends Error {
  constructor() {
    super(
      '数据库中还没有管理员。请先创建第一个管理员：npx plantrack user create --admin <用户名> --name <姓名> --password-stdin\n' +
        'No administrator exists yet. Create the first one: npx plantrack user create --admin <username> --name <name> --password-stdin',
    );
  }
}

/**
 * Brings a database to the state the platform needs: migrated, the five plans loaded into an empty
 * database, and on the embedded demo the demo accounts. A PostgreSQL server must have an administrator.
 * With demoData (PLANTRACK_DEMO_DATA; left out = off) the forms are filled once with synthetic figures.
 */
export async function prepareDatabase(
  database: Database,
  config: Pick<AppConfig, 'seedOnStart'> & Partial<Pick<AppConfig, 'demoData'>>,
): Promise<void> {
  await migrate(database);
  if (config.seedOnStart && (await isEmpty(database))) {
    const result = await seedDataset(database);
    if (!result.ok) throw new Error(`dataset is invalid:\n${result.errors.map(formatDefinitionError).join('\n')}`);
  }
  if (config.seedOnStart) await syncDivisions(database);
  if (config.seedOnStart) await syncDatasetForms(database);
  if (config.seedOnStart) await syncIndustryChains(database);
  if (config.seedOnStart) await syncBuiltinSchemes(database);
  if (config.seedOnStart) await syncPublishedFigures(database);
  if (database.kind === 'pglite') await seedDemoAccounts(database);
  else if (!(await hasAdmin(database.db))) throw new NoAdministratorError();
  if (config.demoData) {
    await loadDemoData(database);
    await loadDemoProjects(database);
  }
}

/** Opens the database, prepares it, and listens. */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  const database = await openDatabase(config.database);
  try {
    await prepareDatabase(database, config);
    const { app, routes } = await buildApp(database, config);
    const address = await app.listen({ port: config.port, host: config.host });
    // Daily digest and warning refresh; off when the configuration leaves notifications out (tests).
    const n = config.notifications;
    const scheduler = n
      ? startScheduler(database, {
          mailer: createMailer({ smtpUrl: n.smtpUrl, from: n.mailFrom }),
          digestHour: n.digestHour,
          log: { info: (m) => app.log.info(m), error: (m) => app.log.error(m) },
        })
      : null;
    return {
      app,
      routes,
      database,
      url: address.replace('[::1]', 'localhost'),
      close: async () => {
        scheduler?.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
