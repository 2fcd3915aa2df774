import { ERROR_CATALOGUE, type ErrorCode } from './error-catalogue.ts';

/**
 * Errors with stable machine codes and zh/en messages; the web app and CLI switch on `code`. The code
 * comes from the catalogue and the status with it, so one code always travels with one status. The
 * messages default to the catalogue's; pass specific ones naming the row, field or reason.
 */
export class AppError extends Error {
  readonly status: number;
  readonly messageZh: string;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    messageZh?: string,
    readonly details?: unknown,
  ) {
    const entry = ERROR_CATALOGUE[code];
    super(message ?? entry.en);
    this.status = entry.status;
    this.messageZh = messageZh ?? entry.zh;
  }
}

export const notFound = (what: string, id: string) =>
  new AppError('NOT_FOUND', `${what} "${id}" not found`, `未找到${whatZh[what] ?? what}“${id}”`);

const whatZh: Record<string, string> = { plan: '规划', 'org unit': '组织单位', indicator: '指标', section: '章节' };
