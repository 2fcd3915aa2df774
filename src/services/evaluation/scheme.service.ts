import { createHash } from 'node:crypto';
import { DATASET_DIR } from '../../dataset/dataset-path.ts';
import { canonicalJson } from '../../domain/audit/hash-chain.ts';
import { builtinUpgrade } from '../../domain/evaluation/builtin-upgrade.ts';
import { auditHistory } from '../../repositories/audit.repository.ts';
import { loadEvaluationSchemes } from '../../dataset/load-evaluation-schemes.ts';
import type { Database } from '../../db/database.ts';
import { AhpError, ahpWeights } from '../../domain/evaluation/ahp.ts';
import {
  checkSchemeReferences,
  zodProblems,
  type SchemeCatalogue,
  type SchemeProblem,
} from '../../domain/evaluation/check-scheme.ts';
import {
  normaliseDefinitionText,
  storedSchemeSchema,
  type StoredScheme,
  type StoredSchemeInput,
} from '../../domain/evaluation/stored-scheme.schema.ts';
import { DEFAULT_PUBLICATION_LEVEL, type PublicationLevel } from '../../domain/evaluation/publication.ts';
import { formatDefinitionError } from '../../domain/plan-definition/definition-error.ts';
import { compactForMatch } from '../../domain/text/normalise.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { SchemeSummary, SchemeVersionView } from '../../presenters/evaluation.presenter.ts';
import {
  findSchemeVersion,
  insertSchemeVersion,
  listSchemeVersions,
  lockScheme,
  schemeCatalogueRows,
  replaceBuiltinDraft,
  setBuiltinHash,
  updateDraftScheme,
  type SchemeRow,
} from '../../repositories/evaluation.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import { SYSTEM_ACTOR, type Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';

/** Evaluation schemes as versioned data: list, read, save (a frozen version is never changed), seed. */

export function schemeVersionView(row: SchemeRow): SchemeVersionView {
  return {
    code: row.code,
    version: row.version,
    status: row.status,
    builtin: row.builtin,
    definition: row.definition as Record<string, unknown>,
    publishes: row.publishes,
    createdAt: row.created_at.toISOString(),
    frozenAt: row.frozen_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A stored definition, parsed (defaults filled in). Stored rows were validated on save. */
export function parseStored(row: Pick<SchemeRow, 'definition'>): StoredScheme {
  return storedSchemeSchema.parse(row.definition);
}

export async function listSchemes(database: Database): Promise<{ items: SchemeSummary[] }> {
  const rows = await listSchemeVersions(database.db);
  const byCode = new Map<string, SchemeRow[]>();
  for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  return {
    items: [...byCode.values()].map((versions) => {
      const latest = versions[versions.length - 1]!;
      const def = parseStored(latest);
      return {
        code: latest.code,
        name: def.name,
        nameEn: def.nameEn ?? null,
        latestVersion: latest.version,
        status: latest.status,
        builtin: latest.builtin,
        defaultWeights: def.defaultWeights,
        versions: versions.map((v) => v.version),
      };
    }),
  };
}

export async function getSchemeRow(
  db: Executor,
  code: string,
  version?: number,
  find: typeof findSchemeVersion = findSchemeVersion,
): Promise<SchemeRow> {
  const row = await find(db, code, version);
  if (!row) throw notFound('evaluation scheme', version === undefined ? code : `${code} v${version}`);
  return row;
}

export async function getScheme(database: Database, code: string, version?: number): Promise<SchemeVersionView> {
  return schemeVersionView(await getSchemeRow(database.db, code, version));
}

const invalid = (problems: SchemeProblem[]) =>
  new AppError('INVALID_SCHEME', 'the evaluation scheme is not valid', '评价方案定义无效', {
    issues: problems.map((p) => ({ path: p.field, message: p.message, messageZh: p.messageZh })),
  });

export async function schemeCatalogue(db: Executor): Promise<SchemeCatalogue> {
  const rows = await schemeCatalogueRows(db);
  const texts = new Map(rows.sources.map((s) => [s.plan_id, compactForMatch(s.normalised_text)]));
  return {
    indicators: rows.indicators,
    units: rows.units,
    orgGroups: rows.orgGroups,
    unitKinds: rows.unitKinds,
    plans: new Set(texts.keys()),
    quoteFound: (plan, quote) => texts.get(plan)?.includes(compactForMatch(quote)) ?? false,
  };
}

/**
 * Validates a definition as typed by an editor: NFKC text, the schema (400 with field paths), the AHP
 * matrix (weights derived from it; CR ≥ 0.1 refused) and the catalogue references. Returns the input form
 * to store, with AHP-derived weights written into the indicators.
 */
export async function checkedDefinition(db: Executor, raw: unknown): Promise<{ input: StoredSchemeInput; scheme: StoredScheme }> {
  const text = normaliseDefinitionText(raw);
  const parsed = storedSchemeSchema.safeParse(text);
  if (!parsed.success) throw invalid(zodProblems(parsed.error));
  let input = text as StoredSchemeInput;
  if (parsed.data.ahp) {
    let weights: number[];
    try {
      weights = ahpWeights(parsed.data.ahp.matrix).weights;
    } catch (e) {
      if (e instanceof AhpError) throw new AppError(e.code, e.messageEn, e.messageZh);
      throw e;
    }
    input = { ...input, indicators: input.indicators.map((i, j) => ({ ...i, weight: weights[j]! })) };
  }
  const scheme = storedSchemeSchema.parse(input);
  const problems = checkSchemeReferences(scheme, await schemeCatalogue(db));
  if (problems.length) throw invalid(problems);
  return { input, scheme };
}

/**
 * Saves a scheme. The editor names the version it started from (baseVersion; 0 for a new scheme) and
 * may send the updatedAt it read: if the scheme has moved on since, 409. Saving onto a frozen version
 * creates the next version as a draft; saving onto a draft changes it in place. Audited.
 */
export async function saveScheme(
  database: Database,
  actor: Actor,
  code: string,
  body: { definition: unknown; baseVersion: number; updatedAt?: string; publishes?: PublicationLevel },
): Promise<SchemeVersionView> {
  return database.db.transaction().execute(async (trx) => {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(code))
      throw invalid([
        {
          field: 'code',
          message: 'a scheme code is lower-case letters, digits and hyphens',
          messageZh: '方案代码只能由小写字母、数字和连字符组成',
        },
      ]);
    const { input, scheme } = await checkedDefinition(trx, body.definition);
    if (scheme.code !== code)
      throw invalid([{ field: 'code', message: `the definition's code must be ${code}`, messageZh: `方案代码须为 ${code}` }]);
    await lockScheme(trx, code);
    const latest = await findSchemeVersion(trx, code);
    const current = latest?.version ?? 0;
    if (
      current !== body.baseVersion ||
      (latest && body.updatedAt !== undefined && latest.updated_at.toISOString() !== body.updatedAt)
    )
      throw new AppError(
        'VERSION_CONFLICT',
        `the scheme changed since you loaded it (now version ${current}); reload`,
        `评价方案已被他人修改（当前为第 ${current} 版），请刷新`,
        { currentVersion: current, updatedAt: latest?.updated_at.toISOString() ?? null },
      );
    // Unless the editor changes it, a new version publishes as much as the one it follows.
    const publishes = body.publishes ?? latest?.publishes ?? DEFAULT_PUBLICATION_LEVEL;
    let row: SchemeRow | undefined;
    if (latest?.status === 'draft') {
      row = await updateDraftScheme(trx, latest.id, { name: scheme.name, definition: input, publishes, userId: actor.userId });
      if (!row) throw new AppError('VERSION_CONFLICT', 'the scheme version was frozen meanwhile; reload', '该版本已冻结，请刷新');
    } else {
      row = await insertSchemeVersion(trx, {
        code,
        version: current + 1,
        builtin: latest?.builtin ?? false,
        name: scheme.name,
        definition: input,
        publishes,
        userId: actor.userId,
      });
    }
    await recordAudit(trx, actor, {
      action: latest?.status === 'draft' ? 'update' : 'create',
      entity: 'evaluation_scheme',
      entityKey: `${code}@${row.version}`,
      before: latest ? { version: latest.version, status: latest.status, publishes: latest.publishes } : undefined,
      after: { version: row.version, status: row.status, name: row.name, publishes: row.publishes },
    });
    return schemeVersionView(row);
  });
}

/** sha256 of a definition in canonical JSON (keys sorted: the database may reorder object keys, never values). */
export const definitionHash = (definition: unknown) => createHash('sha256').update(canonicalJson(definition)).digest('hex');

export interface BuiltinSyncResult {
  added: string[];
  /** `code@version` of each upgraded version. */
  upgraded: string[];
  /** Codes whose latest version the plan office edited: the newer built-in was not applied. */
  keptEdited: string[];
  /** Codes whose built-in names what this database's catalogue lacks (re-seed the dataset first). */
  skipped: string[];
}

/**
 * Brings the dataset's built-in schemes into the database on start (builtin-upgrade.ts says what happens
 * to each): adds those it lacks, upgrades unedited built-ins forward (a draft in place, a frozen version
 * by a new draft version), records the dataset hash of each, and leaves a scheme the plan office edited
 * alone with a warning. Each upgrade is audited (by the system, with the hashes before and after). A
 * built-in naming what this database's catalogue lacks is skipped with a warning, rather than stopping
 * the server; it is applied on a later start once the catalogue has it.
 */
export async function syncBuiltinSchemes(database: Database, dir: string = DATASET_DIR): Promise<BuiltinSyncResult> {
  const loaded = await loadEvaluationSchemes(dir);
  if (loaded.errors.length)
    throw new Error(`evaluation schemes are invalid:\n${loaded.errors.map(formatDefinitionError).join('\n')}`);
  return database.db.transaction().execute(async (trx) => {
    const catalogue = await schemeCatalogue(trx);
    const out: BuiltinSyncResult = { added: [], upgraded: [], keptEdited: [], skipped: [] };
    for (const s of loaded.schemes) {
      const scheme = storedSchemeSchema.parse(s.definition);
      const hash = definitionHash(s.definition);
      await lockScheme(trx, scheme.code);
      const latest = await findSchemeVersion(trx, scheme.code);
      const saved =
        latest !== undefined &&
        latest.builtin_hash === null &&
        (await auditHistory(trx, 'evaluation_scheme', `${latest.code}@${latest.version}`, 1)).length > 0;
      const step = builtinUpgrade(
        latest && {
          status: latest.status,
          builtin: latest.builtin,
          builtinHash: latest.builtin_hash,
          definitionHash: definitionHash(latest.definition),
          saved,
        },
        hash,
      );
      if (step.action === 'current') continue;
      if (step.action === 'adopt') {
        await setBuiltinHash(trx, latest!.id, hash);
        continue;
      }
      if (step.action === 'kept-edited') {
        out.keptEdited.push(scheme.code);
        process.emitWarning(
          `内置评价方案 ${scheme.code} 已有新版本，但当前版本（第 ${latest!.version} 版）经规划处修改，未自动升级 / ` +
            `built-in evaluation scheme ${scheme.code} has a newer definition (${s.file}); version ${latest!.version} was edited by the plan office, so it was not upgraded`,
        );
        continue;
      }
      const problems = checkSchemeReferences(scheme, catalogue);
      if (problems.length) {
        out.skipped.push(scheme.code);
        process.emitWarning(
          `built-in evaluation scheme ${s.file} skipped, it does not match this database's catalogue:\n${problems
            .map((p) => `${p.field}: ${p.messageZh} / ${p.message}`)
            .join('\n')}`,
        );
        continue;
      }
      if (step.action === 'insert') {
        await insertSchemeVersion(trx, {
          code: scheme.code,
          version: 1,
          builtin: true,
          name: scheme.name,
          definition: s.definition,
          userId: null,
          builtinHash: hash,
        });
        out.added.push(scheme.code);
        continue;
      }
      const row =
        step.action === 'replace-draft'
          ? await replaceBuiltinDraft(trx, latest!.id, { name: scheme.name, definition: s.definition, builtinHash: hash })
          : await insertSchemeVersion(trx, {
              code: scheme.code,
              version: latest!.version + 1,
              builtin: true,
              name: scheme.name,
              definition: s.definition,
              publishes: latest!.publishes,
              userId: null,
              builtinHash: hash,
            });
      await recordAudit(trx, SYSTEM_ACTOR, {
        action: 'builtin_upgrade',
        entity: 'evaluation_scheme',
        entityKey: `${scheme.code}@${row!.version}`,
        before: { version: latest!.version, status: latest!.status, hash: definitionHash(latest!.definition) },
        after: { version: row!.version, status: row!.status, hash, file: s.file, how: step.action },
      });
      out.upgraded.push(`${scheme.code}@${row!.version}`);
    }
    return out;
  });
}
