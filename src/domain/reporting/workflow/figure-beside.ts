/** Where a figure comes from: reported by a unit, a public source, stated in a plan, or demo data. */
export type FigureOrigin = 'reported' | 'published' | 'plan' | 'synthetic';

/** A figure shown beside a cell being entered or reviewed (上期 / 去年同期). */
export interface FigureBeside {
  value: string | null;
  origin: FigureOrigin | null;
  /** Submitted by the unit and not yet approved: shown marked 待审, never taken as final. */
  pending: boolean;
}

/**
 * What the sheet shows for an earlier period (issue 18: the reviewer saw 上期 as "—" until the month
 * was approved, though the unit had sent it). The unit's submitted figure, marked pending, when one
 * awaits review: it is what the unit says and it outranks plan or demo figures as an approved
 * report would. Otherwise the approved (or stated, or demo) figure. Drafts and returned figures are
 * never shown: the unit has not stated them. The rules still compare with approved figures only, so
 * whether a sheet can be submitted never depends on another sheet's review.
 */
export function figureBeside(
  approved: { value: string; origin: string } | undefined,
  submitted: { value: string } | undefined,
): FigureBeside {
  if (submitted) return { value: submitted.value, origin: 'reported', pending: true };
  if (approved) return { value: approved.value, origin: approved.origin as FigureOrigin, pending: false };
  return { value: null, origin: null, pending: false };
}
