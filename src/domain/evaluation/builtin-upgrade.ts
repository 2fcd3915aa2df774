/**
 * What starting the server does with a built-in scheme (issue 16: a database created before a scheme
 * changed kept the old one). Built-in definitions upgrade forward, never over the plan office's work:
 *
 * - no stored version: the dataset's is added as version 1 (draft);
 * - the latest version already is the dataset's definition: nothing (its hash is recorded if missing);
 * - the latest version is an unedited built-in (seeded by the system and never saved by anyone since):
 *   a draft is replaced in place (nothing published rests on a draft; runs keep their own copy), a
 *   frozen version is followed by a new draft version — the frozen one, and every published run on it,
 *   stays as it was;
 * - the latest version was edited by the plan office (saved through the editor or API, or not a
 *   built-in at all): left alone, reported so the office can merge the newer built-in by hand.
 *
 * "Edited": a version with a recorded dataset hash whose definition no longer hashes to it; a version
 * without one (saved by a person, or seeded before hashes were recorded) when the audit log holds a save
 * of it — the system's own seeding is not audited as a save. Pure: hashes and the audit fact come in.
 */

export interface StoredBuiltinState {
  status: 'draft' | 'frozen';
  builtin: boolean;
  /** The dataset hash recorded with the version (null: none recorded). */
  builtinHash: string | null;
  /** sha256 of the canonical stored definition. */
  definitionHash: string;
  /** Whether the audit log records a save of this version by anyone. */
  saved: boolean;
}

export type BuiltinUpgrade =
  | { action: 'insert' }
  | { action: 'current' }
  | { action: 'adopt' }
  | { action: 'replace-draft' }
  | { action: 'new-version' }
  | { action: 'kept-edited' };

export function builtinUpgrade(latest: StoredBuiltinState | undefined, datasetHash: string): BuiltinUpgrade {
  if (!latest) return { action: 'insert' };
  if (latest.definitionHash === datasetHash)
    return latest.builtinHash === datasetHash ? { action: 'current' } : { action: 'adopt' };
  const edited = !latest.builtin || (latest.builtinHash === null ? latest.saved : latest.definitionHash !== latest.builtinHash);
  if (edited) return { action: 'kept-edited' };
  return latest.status === 'draft' ? { action: 'replace-draft' } : { action: 'new-version' };
}
