import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findFlawedText } from '../../domain/text/well-formed.ts';
import { AppError } from '../../errors/app-error.ts';

const FLAW_EN = { nul: 'a NUL character', lone_surrogate: 'an unpaired UTF-16 surrogate' } as const;
const FLAW_ZH = { nul: '空字符（NUL）', lone_surrogate: '不成对的 UTF-16 代理字符' } as const;

/** The 400 for the first ill-formed text in a request's params, query or parsed body; null when all is well. */
export function flawedInputError(req: Pick<FastifyRequest, 'params' | 'query' | 'body'>): AppError | null {
  const parts: [string, unknown][] = [
    ['params', req.params],
    ['query', req.query],
    // Raw uploads (Buffer) are bytes, checked by the reader of their format.
    ['body', Buffer.isBuffer(req.body) ? undefined : req.body],
  ];
  for (const [where, value] of parts) {
    const found = findFlawedText(value);
    if (!found) continue;
    const field = `${where}${found.path === '/' ? '' : found.path}`;
    if (found.flaw === 'too_deep')
      return new AppError('TOO_DEEP', `${field} is nested too deeply`, `字段 ${field} 嵌套层级过深`, { field });
    return new AppError(
      'INVALID_TEXT',
      `${field} contains ${FLAW_EN[found.flaw]}; text must be well-formed Unicode`,
      `字段 ${field} 含有${FLAW_ZH[found.flaw]}，文本须为有效的 Unicode`,
      { field, reason: found.flaw },
    );
  }
  return null;
}

/**
 * Refuses, before any route sees them, path params, query strings and JSON/YAML bodies that hold
 * text PostgreSQL cannot store (NUL) or that has no UTF-8 form (a lone surrogate from "\ud800"):
 * they would otherwise fail deep in a query as a 500.
 */
export function registerWellFormedInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const err = flawedInputError(req);
    if (err) throw err;
  });
}
