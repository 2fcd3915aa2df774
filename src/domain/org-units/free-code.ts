/**
 * A code for a unit or group created by hand without one: the prefix (the parent's code, or OU / G)
 * and the first number not taken, e.g. SC → SC-1, SC-2. Codes are machine keys only; names are shown.
 */
export function freeCode(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const code = `${prefix}-${n}`;
    if (!taken.has(code)) return code;
  }
}
