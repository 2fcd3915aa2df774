/**
 * A derived indicator's formula as a reader sees it (issue 19, "Chinese throughout"): each indicator
 * code replaced by the indicator's name in the page's language, * and / written × and ÷, numbers and
 * parentheses kept. "REVENUE * 10000 / LAND_AREA_MU" reads "营业收入 × 10000 ÷ 土地面积". A code with
 * no name is kept as written, so nothing is dropped silently.
 */
export function formulaInWords(formula: string, nameOf: (code: string) => string | undefined): string {
  return formula
    .replace(/[A-Za-z_][A-Za-z0-9_]*/g, (code) => nameOf(code) ?? code)
    .replace(/\s*\*\s*/g, ' × ')
    .replace(/\s*\/\s*/g, ' ÷ ');
}
