/**
 * The key failed logins are counted under: the typed name, NFKC-normalised, trimmed and lower-cased,
 * whether or not an account has it. Counting by name rather than by account makes an unknown name
 * lock exactly like a known one, so lockout answers do not reveal which names exist.
 */
export function loginNameKey(typed: string): string {
  return typed.normalize('NFKC').trim().toLowerCase();
}
