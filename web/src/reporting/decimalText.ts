/*
 * Reported figures are decimal strings end to end; the grid only tidies what was typed or pasted
 * and checks its shape, as the server does (NFKC, trim, thousands separators dropped). No value is
 * ever converted to a binary float.
 */

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

/** "１，２３４.５ " → "1234.5"; also drops spaces, a leading + and the 千位 separators of Excel. */
export function normaliseDecimal(text: string): string {
  return text.normalize('NFKC').trim().replace(/[,\s]/g, '').replace(/^\+/, '').replace(/^−/, '-');
}

/** True when the (normalised) text is a plain decimal: 120, -3, 0.25. Empty text is not. */
export function isDecimal(text: string): boolean {
  return DECIMAL_RE.test(normaliseDecimal(text));
}
