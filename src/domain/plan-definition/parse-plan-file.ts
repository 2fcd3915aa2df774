import { isScalar, LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import type { DefinitionError } from './definition-error.ts';
import { planFileSchema, type PlanFile } from './plan-file.schema.ts';
import {
  DEFAULT_STRUCTURED_TEXT_LIMITS,
  structuredTextLimitError,
  tooDeepFlow,
  type StructuredTextLimits,
} from './structured-text-limits.ts';

export type ParseResult = { ok: true; value: PlanFile } | { ok: false; errors: DefinitionError[] };

/**
 * Parses YAML or JSON text (JSON is YAML) into raw data, keeping every number literal as its
 * source text so that decimals such as 2675.78 never pass through a binary float. Hostile text
 * (an alias bomb, nesting deep enough to exhaust the parser) is an error naming line and column,
 * never an exception.
 */
export function parseStructuredText(
  content: string,
  file?: string,
  limits: StructuredTextLimits = DEFAULT_STRUCTURED_TEXT_LIMITS,
): { ok: true; data: unknown } | { ok: false; errors: DefinitionError[] } {
  const deep = tooDeepFlow(content, limits.maxDepth, file);
  if (deep) return { ok: false, errors: [deep] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(content, { prettyErrors: true, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        file,
        row: e.linePos?.[0].line,
        field: '(syntax)',
        message: `cannot parse file: ${e.message}`,
        messageZh: `文件无法解析：${e.code}`,
      })),
    };
  }
  const limited = structuredTextLimitError(doc, lineCounter, limits, file);
  if (limited) return { ok: false, errors: [limited] };
  visit(doc, {
    Scalar(key, node) {
      // Map keys stay as they are; only values that are numbers become decimal strings,
      // except year-like integers where the schema expects a number.
      if (key === 'key' || !isScalar(node) || typeof node.value !== 'number') return;
      if (Number.isInteger(node.value) && node.source !== undefined && /^-?\d+$/.test(node.source)) return;
      node.value = node.source ?? String(node.value);
    },
  });
  // The walk above already bounds aliases; yaml's own count stays as a second fence.
  return { ok: true, data: doc.toJS({ maxAliasCount: limits.maxAliases }) };
}

/** zod issues → the platform's error list, with Chinese and English messages. */
export function zodIssuesToErrors(issues: readonly z.core.$ZodIssue[], file?: string): DefinitionError[] {
  return issues.map((issue) => ({
    file,
    field: issue.path.join('.') || '(root)',
    message: issue.message,
    messageZh: zodMessageZh(issue),
  }));
}

function zodMessageZh(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `类型错误（应为 ${issue.expected}）`;
    case 'invalid_value':
      return `取值无效（可选：${issue.values.map(String).join('、')}）`;
    case 'too_small':
      return '内容为空或过小';
    case 'too_big':
      return '内容过长或过大';
    case 'invalid_format':
      return '格式不正确';
    case 'unrecognized_keys':
      return `无法识别的字段：${issue.keys.join('、')}`;
    case 'custom': {
      const zh = (issue.params as { zh?: unknown } | undefined)?.zh;
      return typeof zh === 'string' ? zh : `内容无效：${issue.message}`;
    }
    default:
      return `内容无效：${issue.message}`;
  }
}

export function parsePlanFile(content: string, file?: string, limits?: StructuredTextLimits): ParseResult {
  const raw = parseStructuredText(content, file, limits);
  if (!raw.ok) return raw;
  const parsed = planFileSchema.safeParse(raw.data);
  if (!parsed.success) return { ok: false, errors: zodIssuesToErrors(parsed.error.issues, file) };
  return { ok: true, value: parsed.data };
}
