import type { CatalogueInput, ExtractionResult } from '../domain/extraction/candidate.schema.ts';
import { extractCandidates } from '../domain/extraction/extract-candidates.ts';
import { mayOpenDraft } from '../domain/ingestion/draft-visibility.ts';
import { reviewToDefinition, ReviewError, type Review } from '../domain/ingestion/review-to-definition.ts';
import { zodIssuesToErrors } from '../domain/plan-definition/parse-plan-file.ts';
import { planFileSchema } from '../domain/plan-definition/plan-file.schema.ts';
import { normaliseText } from '../domain/text/normalise.ts';
import { textFlaw } from '../domain/text/well-formed.ts';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../config/input-limits.ts';
import { checkZipLimits } from '../spreadsheets/zip-limits.ts';
import type { Database } from '../db/database.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import { readDocument } from '../ingestion/read-document.ts';
import { catalogueRows, findDraft, insertDraft, markDraftAccepted } from '../repositories/ingestion.repository.ts';
import type { Executor } from '../repositories/transaction.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';
import { importDefinitions } from './plan-import.service.ts';
import type { FieldProblem } from '../errors/field-problem.ts';

/** The platform's own catalogue, so candidates are matched to the codes that exist here. */
export async function platformCatalogue(db: Executor): Promise<CatalogueInput> {
  const { indicators, units, groups } = await catalogueRows(db);
  return {
    indicators: indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit, synonyms: i.synonyms })),
    orgUnits: units.map((u) => ({
      code: u.code,
      name: u.name,
      kind: u.kind,
      ...(u.parent ? { parent: u.parent } : {}),
      synonyms: [],
    })),
    groups: groups.map((g) => ({ code: g.code, name: g.name, synonyms: [] })),
    industries: [...new Set(units.flatMap((u) => u.leading_industries))],
  };
}

export interface Draft {
  id: number;
  fileName: string;
  text: string;
  result: ExtractionResult;
  acceptedPlanId: string | null;
}

/** Reads an uploaded document (.txt, .docx, .pdf), extracts candidates and keeps them for review. */
export async function createDraft(
  database: Database,
  actor: Actor,
  fileName: string,
  data: Uint8Array,
  limits: InputLimits = DEFAULT_INPUT_LIMITS,
): Promise<Draft> {
  // mammoth unpacks a .docx whole: the zip is checked against the inflated-size limit first.
  if (/\.docx$/i.test(fileName)) await checkZipLimits(data, fileName, limits);
  const text = await readDocument(data, fileName).catch((err: Error) => {
    throw new AppError(
      'UNREADABLE_DOCUMENT',
      `cannot read ${fileName}: ${err.message}`,
      `无法读取文件 ${fileName}（支持 .txt、.docx 和带文字层的 .pdf）`,
    );
  });
  const flaw = textFlaw(text);
  if (flaw)
    throw new AppError(
      'INVALID_FILE_TEXT',
      `${fileName} contains ${flaw === 'nul' ? 'a NUL character' : 'an unpaired UTF-16 surrogate'}; it is not a text document`,
      `文件 ${fileName} 含有${flaw === 'nul' ? '空字符（NUL）' : '不成对的 UTF-16 代理字符'}，不是文本文件`,
      { reason: flaw },
    );
  if (text.trim().length === 0)
    throw new AppError(
      'EMPTY_DOCUMENT',
      'the document has no text (a scanned PDF?)',
      '文件中没有可读取的文字（可能是扫描版 PDF）',
    );
  const result = extractCandidates(text, { catalogue: await platformCatalogue(database.db) });
  const id = await database.db.transaction().execute(async (trx) => {
    const draftId = await insertDraft(trx, { fileName, rawText: text, result, createdBy: actor.userId });
    await recordAudit(trx, actor, {
      action: 'extract',
      entity: 'ingestion_draft',
      entityKey: String(draftId),
      after: { fileName, targets: result.targets.length, tasks: result.tasks.length },
    });
    return draftId;
  });
  return { id, fileName, text, result, acceptedPlanId: null };
}

/** A draft its uploader (or a system administrator) opens; anyone else is answered 404, as for no draft. */
export async function getDraft(db: Executor, actor: Actor, id: number): Promise<Draft> {
  const row = await findDraft(db, id);
  if (!row || !mayOpenDraft(actor.grants, actor.userId, row.created_by)) throw notFound('draft', String(id));
  return {
    id: row.id,
    fileName: row.file_name,
    text: row.raw_text,
    result: row.result as ExtractionResult,
    acceptedPlanId: row.accepted_plan_id,
  };
}

/**
 * Merges the accepted candidates into a new plan through the ordinary import: the document becomes
 * the plan's source text, so every accepted item keeps its quote and offsets.
 */
export async function acceptDraft(database: Database, actor: Actor, id: number, review: Review) {
  const draft = await getDraft(database.db, actor, id);
  // A reviewer proposes new indicators; an existing code would silently redefine the catalogue's.
  const existing = new Set((await catalogueRows(database.db)).indicators.map((i) => i.code));
  const taken = review.newIndicators.map((x, i) => ({ x, i })).filter(({ x }) => existing.has(x.code));
  if (taken.length > 0)
    throw new AppError(
      'INVALID_PLAN_FILE',
      'a new indicator uses a code the catalogue already has',
      '新指标的代码在指标目录中已存在',
      taken.map(({ x, i }): FieldProblem => ({
        field: `indicators.${i}.code`,
        message: `indicator ${x.code} already exists`,
        messageZh: `指标代码 ${x.code} 已存在`,
      })),
    );
  let raw: Record<string, unknown>;
  try {
    raw = reviewToDefinition(review, draft.result, draft.text, draft.fileName);
  } catch (err) {
    if (err instanceof ReviewError) throw new AppError('INVALID_REVIEW', err.message, err.messageZh);
    throw err;
  }
  const parsed = planFileSchema.safeParse(raw);
  const result = parsed.success
    ? await importDefinitions(
        database,
        [
          {
            name: draft.fileName,
            definition: parsed.data,
            sourceText: normaliseText(draft.text),
            rawSource: { fileName: draft.fileName, text: draft.text },
          },
        ],
        { actor },
      )
    : { ok: false as const, errors: zodIssuesToErrors(parsed.error.issues, draft.fileName) };
  if (!result.ok)
    throw new AppError(
      'INVALID_PLAN_FILE',
      `the accepted items have ${result.errors.length} problem(s); nothing was written`,
      `已接受的条目有 ${result.errors.length} 处问题，未写入任何数据`,
      result.errors satisfies FieldProblem[],
    );
  await markDraftAccepted(database.db, id, review.plan.id);
  return result.counts;
}
