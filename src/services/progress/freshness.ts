import { formatPeriod, parsePeriod, type Period } from '../../domain/period/period.ts';
import { dueDate, nextPeriod } from '../../domain/reporting/forms/form-periods.ts';
import type { TargetProgress } from '../../presenters/progress.presenter.ts';
import { later, periodOf, type PeriodMark } from './figure-marks.ts';
import type { AsOf, ProgressContext, Subject } from './progress-context.ts';

type Freshness = TargetProgress['freshness'];

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The date freshness is judged on: today, or the day after the as-of period when asking about the past. */
export function referenceDate(asOf: AsOf, today: string): string {
  const after = addDays(asOf.until, 1);
  return after < today ? after : today;
}

/** The last period of a frequency whose figures were due before the reference date. */
function lastDuePeriod(first: Period, deadline: { monthsAfter: number; day: number }, ref: string): string | null {
  let last: string | null = null;
  for (let p = first; ; p = nextPeriod(p)) {
    const text = formatPeriod(p);
    if (dueDate(text, deadline) >= ref) return last;
    last = text;
  }
}

/** Each form's last period due before the reference date (what `stale` asks every reporter about). */
export function lastDuePeriods(forms: ProgressContext['forms'], ref: string): string[] {
  const out = new Set<string>();
  for (const { form } of forms) {
    const last = lastDuePeriod(parsePeriod(form.firstPeriod)!, form.deadline, ref);
    if (last !== null) out.add(last);
  }
  return [...out];
}

/**
 * When the figures of a subject and indicator were last updated, their latest period, whether they are
 * stale, and who owes the next one: for each form collecting the indicator (or, for a derived one,
 * any of its inputs) and each of its reporters within the subject, the period after the reporter's
 * latest figure; the earliest due date wins.
 * Stale = nothing in the subject for the last period due of a collecting form, or (no form) the latest
 * figure ended more than a year before the reference date, or no figure at all.
 */
export function freshness(ctx: ProgressContext, subject: Subject, code: string, ref: string): Freshness & { overdue: boolean } {
  const unitIds = ctx.subtree(subject.roots);
  const codes = ctx.codesFor(code);
  let lastUpdated: Date | null = null;
  let lastPeriod: PeriodMark | null = null;
  for (const id of unitIds)
    for (const c of codes) {
      const m = ctx.marksOf(id, c);
      if (!m) continue;
      if (m.lastUpdated !== null && (lastUpdated === null || m.lastUpdated > lastUpdated)) lastUpdated = m.lastUpdated;
      if (m.lastPeriod !== null) lastPeriod = later(lastPeriod, m.lastPeriod);
    }

  let owes: Freshness['owes'] = null;
  let staleByForm: boolean | null = null;
  // A derived indicator (亩均营业收入) is owed through its inputs: the forms that collect any of them.
  for (const { form } of ctx.forms) {
    const collected = codes.filter((c) => form.items.some((i) => i.indicator === c));
    if (collected.length === 0) continue;
    const reporters = unitIds
      .map((id) => ctx.units.get(id)!)
      .filter((u) => form.reporters.kinds.includes(u.kind) || form.reporters.units.includes(u.code));
    if (reporters.length === 0) continue;
    const first = parsePeriod(form.firstPeriod)!;
    const lastDue = lastDuePeriod(first, form.deadline, ref);
    for (const c of collected) {
      if (lastDue !== null) {
        const has = reporters.some((u) => ctx.marksOf(u.id, c)?.periods.has(lastDue));
        staleByForm = (staleByForm ?? false) || !has;
      }
      for (const u of reporters) {
        const own = ctx.marksOf(u.id, c)?.latestOf(form.frequency) ?? null;
        const next = formatPeriod(own ? nextPeriod(periodOf(own.text).period) : first);
        const due = dueDate(next, form.deadline);
        if (owes === null || due < owes.dueDate)
          owes = {
            orgUnit: u.code,
            orgUnitName: u.name,
            form: form.code,
            formName: form.name,
            formNameEn: form.nameEn,
            period: next,
            dueDate: due,
          };
      }
    }
  }
  const stale = lastPeriod === null ? true : staleByForm !== null ? staleByForm : lastPeriod.end < addDays(ref, -366);
  const o = owes as Freshness['owes'];
  return {
    lastUpdated: (lastUpdated as Date | null)?.toISOString() ?? null,
    lastPeriod: (lastPeriod as { text: string } | null)?.text ?? null,
    stale,
    owes: o,
    overdue: o !== null && o.dueDate < ref,
  };
}
