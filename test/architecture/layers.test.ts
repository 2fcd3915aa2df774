import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { PROJECT_ROOT } from '../../src/config/project-root.ts';

/**
 * The layer rules of eslint.config.js (docs/architecture.md) refuse what they should and let through
 * what the architecture allows: each case is linted as if it were a file at that path.
 */
const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function refused(file: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [x];\n`, { filePath: `${PROJECT_ROOT}/${file}` });
  return result!.messages.some((m) => m.ruleId?.endsWith('no-restricted-imports'));
}

const CASES: [file: string, code: string, refused: boolean][] = [
  // Routes go through services; only the access checks read repositories themselves.
  ['src/http/routes/x.routes.ts', "import { listUsers as x } from '../../repositories/user.repository.ts';", true],
  ['src/http/routes/x.routes.ts', "import type { UserRow as x } from '../../repositories/user.repository.ts';", false],
  ['src/http/auth/x.ts', "import { parentLinks as x } from '../../repositories/org-unit.repository.ts';", false],
  ['src/http/routes/x.routes.ts', "import { x } from '../../cli/context.ts';", true],
  ['src/http/routes/x.routes.ts', "import { reviewSchema as x } from '../../domain/ingestion/review-to-definition.ts';", false],
  // Services never reach up into HTTP or the CLI.
  ['src/services/x.service.ts', "import { x } from '../http/app.ts';", true],
  ['src/services/tasks/x.service.ts', "import { x } from '../../cli/context.ts';", true],
  ['src/services/x.service.ts', "import { listUsers as x } from '../repositories/user.repository.ts';", false],
  // Repositories and the database know nothing of services, HTTP or presentation.
  ['src/repositories/x.repository.ts', "import { x } from '../services/actor.ts';", true],
  ['src/repositories/x.repository.ts', "import { x } from '../presenters/page.schema.ts';", true],
  ['src/db/x.ts', "import { x } from '../repositories/transaction.ts';", true],
  // Storage, spreadsheets and the dataset are leaves beside the services.
  ['src/storage/x.ts', "import { x } from '../db/database.ts';", true],
  ['src/spreadsheets/x.ts', "import { x } from '../repositories/data-value.repository.ts';", true],
  ['src/dataset/x.ts', "import { x } from '../services/seed.service.ts';", true],
  ['src/ingestion/x.ts', "import { x } from '../dataset/dataset-path.ts';", false],
  // Presenters and reports describe others' shapes as types only.
  ['src/presenters/x.presenter.ts', "import { listUsers as x } from '../repositories/user.repository.ts';", true],
  ['src/presenters/x.presenter.ts', "import type { UserRow as x } from '../repositories/user.repository.ts';", false],
  ['src/reports/monitoring/x.ts', "import { x } from '../../services/progress/progress.service.ts';", true],
  // The CLI drives services like the HTTP layer does.
  ['src/cli/commands/x.ts', "import { x } from '../../services/reports/monitoring-report.service.ts';", false],
  ['src/cli/commands/x.ts', "import { findUserByUsername as x } from '../../repositories/user.repository.ts';", true],
  ['src/cli/commands/x.ts', "import { x } from '../../http/app.ts';", true],
];

describe('layer boundaries (eslint.config.js)', () => {
  for (const [file, code, expected] of CASES)
    it(`${file}: ${code.replace(/^import (type )?\{[^}]*\} from /, 'import $1')} is ${expected ? 'refused' : 'allowed'}`, async () => {
      assert.equal(await refused(file, code), expected);
    });
});
