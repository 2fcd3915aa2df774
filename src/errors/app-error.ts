/** Errors with stable machine codes and zh/en messages; the web app and CLI switch on `code`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageZh: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) =>
  new AppError(404, 'NOT_FOUND', `${what} "${id}" not found`, `未找到${whatZh[what] ?? what}“${id}”`);

const whatZh: Record<string, string> = { plan: '规划', 'org unit': '组织单位', indicator: '指标', section: '章节' };
