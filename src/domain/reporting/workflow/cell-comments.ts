/**
 * Per-cell review comments (issue 18: "a returned report shows the comment at the cells it
 * concerns"). A reviewer who returns or reopens a sheet may write a comment at any indicator of the
 * form; the text is kept exactly as written (only the blank ones are dropped).
 */
export type CellComments = Readonly<Record<string, string>>;

export type CellCommentCheck = { ok: true; comments: Record<string, string> } | { ok: false; unknown: string[] };

/** Keeps the non-blank comments, in form order; indicators not on the form are refused by name. */
export function checkCellComments(input: CellComments | undefined, formIndicators: readonly string[]): CellCommentCheck {
  const given = Object.entries(input ?? {});
  const unknown = given.map(([code]) => code).filter((code) => !formIndicators.includes(code));
  if (unknown.length) return { ok: false, unknown };
  const comments: Record<string, string> = {};
  for (const code of formIndicators) {
    const text = input?.[code];
    if (text !== undefined && text.trim() !== '') comments[code] = text;
  }
  return { ok: true, comments };
}

/**
 * The sheet's overall comment of a return: the reviewer's own when given, otherwise the cell
 * comments one after another under the indicators' names (名称：意见；…), so that the notice and the
 * history still say why.
 */
export function overallComment(
  comment: string | null | undefined,
  cells: CellComments,
  nameOf: (indicator: string) => string,
): string | null {
  if (comment?.trim()) return comment.trim();
  const parts = Object.entries(cells).map(([code, text]) => `${nameOf(code)}：${text.trim()}`);
  return parts.length ? parts.join('；') : null;
}
