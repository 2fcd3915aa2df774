import type { FastifyInstance } from 'fastify';
import type { AppConfig } from './config/env.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { buildApp } from './http/app.ts';
import { formatDefinitionError } from './domain/plan-definition/definition-error.ts';
import { isEmpty, seedDataset } from './services/seed.service.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  close(): Promise<void>;
}

/** Opens the database, applies migrations, loads the five plans into an empty database, listens. */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    if (config.seedOnStart && (await isEmpty(database))) {
      const result = await seedDataset(database);
      if (!result.ok) throw new Error(`dataset is invalid:\n${result.errors.map(formatDefinitionError).join('\n')}`);
    }
    const app = await buildApp(database, config);
    const address = await app.listen({ port: config.port, host: config.host });
    return {
      app,
      database,
      url: address.replace('[::1]', 'localhost'),
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
