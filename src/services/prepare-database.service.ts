import type { AppConfig } from '../config/env.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { formatDefinitionError } from '../domain/plan-definition/definition-error.ts';
import { seedDemoAccounts } from './demo-accounts.service.ts';
import { syncDivisions } from './divisions.service.ts';
import { syncBuiltinSchemes } from './evaluation/scheme.service.ts';
import { syncIndustryChains } from './industry-map/industry-chains.service.ts';
import { loadDemoProjects } from './projects/demo-projects.service.ts';
import { loadDemoData } from './reporting/demo-data.service.ts';
import { syncDatasetForms } from './reporting/form-sync.service.ts';
import { syncPublishedFigures } from './published-figures.service.ts';
import { ProgressContext } from './progress/progress-context.ts';
import { isEmpty, seedDataset } from './seed.service.ts';
import { hasAdmin } from './user.service.ts';
import { syncDerivedAliases } from './org-units/unit-alias.service.ts';

export class NoAdministratorError extends Error {
  constructor() {
    super(
      '数据库中还没有管理员。请先创建第一个管理员：npx plantrack user create --admin <用户名> --name <姓名> --password-stdin\n' +
        'No administrator exists yet. Create the first one: npx plantrack user create --admin <username> --name <name> --password-stdin',
    );
  }
}

/**
 * The one start sequence, for `serve` and every CLI command alike. Brings a database to the state the platform needs: migrated, the five plans loaded into an empty
 * database, and on the embedded demo the demo accounts. A PostgreSQL server must have an administrator.
 * With demoData (PLANTRACK_DEMO_DATA; left out = off) the forms are filled once with synthetic figures.
 */
export async function prepareDatabase(
  database: Database,
  config: Pick<AppConfig, 'seedOnStart'> & Partial<Pick<AppConfig, 'demoData'>>,
  // The CLI is how the first administrator is created, so it cannot demand one.
  options: { requireAdministrator: boolean } = { requireAdministrator: true },
): Promise<void> {
  await migrate(database);
  if (config.seedOnStart && (await isEmpty(database))) {
    const result = await seedDataset(database);
    if (!result.ok) throw new Error(`dataset is invalid:\n${result.errors.map(formatDefinitionError).join('\n')}`);
  }
  if (config.seedOnStart) await syncDivisions(database);
  if (config.seedOnStart) await syncDerivedAliases(database.db);
  if (config.seedOnStart) await syncDatasetForms(database);
  if (config.seedOnStart) await syncIndustryChains(database);
  if (config.seedOnStart) await syncBuiltinSchemes(database);
  if (config.seedOnStart) await syncPublishedFigures(database);
  if (database.kind === 'pglite') await seedDemoAccounts(database);
  else if (options.requireAdministrator && !(await hasAdmin(database.db))) throw new NoAdministratorError();
  if (config.demoData) {
    await loadDemoData(database);
    await loadDemoProjects(database);
  }
  // The yearly figures queued by what was loaded are computed now, at start, not by the first reader
  // (on the demo, the leader's first home took ~3 s of CPU more than the next ones; issue 19).
  await ProgressContext.refreshYears(database.db);
}
