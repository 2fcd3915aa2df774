/**
 * One cell of a refused save (409 VERSION_CONFLICT, in the error's details): the figure sent, the one
 * stored meanwhile by someone else, and the version to send again after looking at both.
 */
export interface CellConflict {
  indicator: string;
  yours: string | null;
  theirs: string | null;
  currentVersion: number;
}
