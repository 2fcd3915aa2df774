import type { FastifyInstance } from 'fastify';
import type { AppConfig } from './config/env.ts';
import { openDatabase, type Database } from './db/database.ts';
import { buildApp } from './http/app.ts';
import type { RouteAccess } from './http/auth/access-control.ts';
import { createMailer } from './services/notifications/mailer.ts';
import { startScheduler } from './services/notifications/scheduler.ts';
import { prepareDatabase } from './services/prepare-database.service.ts';

export { NoAdministratorError, prepareDatabase } from './services/prepare-database.service.ts';

export interface RunningServer {
  app: FastifyInstance;
  routes: RouteAccess[];
  database: Database;
  url: string;
  close(): Promise<void>;
}

/** Opens the database, prepares it, and listens. */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  const d = config.database;
  const database = await openDatabase(
    d.kind === 'pglite' && config.pgliteTemplate ? { ...d, template: config.pgliteTemplate } : d,
  );
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
