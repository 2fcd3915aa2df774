/**
 * Who did something, as a history line names them (issue 19, "Chinese throughout"): the user's display
 * name (显示名), 系统 for the system, and the audit label itself only when it is no user's login.
 */
export function actorLabel(
  h: { actor: string; actorName?: string | null },
  label: (family: string, code: string) => string,
): string {
  if (h.actorName) return h.actorName;
  return h.actor === 'system' ? label('via', 'system') : h.actor;
}
