import { useId, type ComponentProps, type FormEvent, type RefObject } from 'react';
import { NewScopeButton, type CatalogueEntry } from '../components/NewScopeForm.tsx';
import { ScopeKindOptions, ScopeOptions } from '../components/ScopeOptions.tsx';
import { RescopeOffer } from '../components/RescopeOffer.tsx';
import { MergeProblems } from '../components/ReviewParts.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Catalogues, PlacedProblem, PlanForm } from './reviewModel.ts';

/* The review page's plan form: the plan's facts, its default scope, and the merge. */

/** The plan's own facts: prefilled from the document, the issuer left to the reviewer. */
function PlanFormFields({
  plan,
  suggestedId,
  catalogues,
  problems,
  onChange,
}: {
  plan: PlanForm;
  suggestedId: string;
  catalogues: Catalogues;
  problems: PlacedProblem[];
  onChange: (patch: Partial<PlanForm>) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const planId = plan.idTouched ? plan.id : suggestedId;
  const field = (name: keyof PlanForm, labelKey: Parameters<typeof t>[0], testId: string, extra: Record<string, string> = {}) => {
    const mine = problems.filter((p) => p.subField === `plan.${name}`);
    const value = name === 'id' ? planId : String(plan[name]);
    return (
      <div className={`form-field plan-field-${name}`}>
        <label htmlFor={`${id}-${name}`}>
          {t(labelKey)}
          {['id', 'title', 'issuer', 'periodStart', 'periodEnd'].includes(name) && (
            <span className="required" aria-hidden="true">
              *
            </span>
          )}
        </label>
        <input
          id={`${id}-${name}`}
          className="input"
          value={value}
          aria-invalid={mine.length > 0 || undefined}
          onChange={(e) => onChange(name === 'id' ? { id: e.target.value, idTouched: true } : { [name]: e.target.value })}
          data-testid={testId}
          {...extra}
        />
        {mine.map((p, i) => (
          <span key={i} className="field-error" role="alert">
            {lang === 'zh' ? p.zh : p.en}
          </span>
        ))}
      </div>
    );
  };
  return (
    <div className="plan-form-grid">
      {field('title', 'ingest.plan.title', 'plan-title')}
      {field('id', 'ingest.plan.id', 'plan-id', { spellCheck: 'false', autoComplete: 'off' })}
      {field('issuer', 'plans.issuer', 'plan-issuer', { placeholder: t('ingest.plan.issuerPlaceholder') })}
      {field('periodStart', 'ingest.plan.start', 'plan-start', { inputMode: 'numeric' })}
      {field('periodEnd', 'ingest.plan.end', 'plan-end', { inputMode: 'numeric' })}
      {field('issuedOn', 'plans.issuedOn', 'plan-issued-on', { type: 'date' })}
      {field('titleEn', 'ingest.plan.titleEn', 'plan-title-en', { lang: 'en' })}
      <div className="form-field plan-field-scopeKind">
        <label htmlFor={`${id}-scopeKind`}>{t('ingest.plan.scopeKind')}</label>
        <select
          id={`${id}-scopeKind`}
          className="input"
          value={plan.scopeKind}
          onChange={(e) => onChange({ scopeKind: e.target.value as PlanForm['scopeKind'], scope: '' })}
          data-testid="plan-scope-kind"
        >
          <ScopeKindOptions />
        </select>
      </div>
      <div className="form-field plan-field-scope">
        <label htmlFor={`${id}-scope`}>{t('ingest.plan.scope')}</label>
        <select
          id={`${id}-scope`}
          className="input"
          value={plan.scope}
          onChange={(e) => onChange({ scope: e.target.value })}
          data-testid="plan-scope"
        >
          <option value="">{t('ingest.plan.scopeNone')}</option>
          <ScopeOptions kind={plan.scopeKind} catalogues={catalogues} />
        </select>
      </div>
      {plan.idTouched && planId !== suggestedId && (
        <p className="plan-id-hint">
          <button type="button" className="link-button" onClick={() => onChange({ id: '', idTouched: false })}>
            {t('ingest.plan.useSuggestion', { id: suggestedId })}
          </button>
        </p>
      )}
    </div>
  );
}

/** The plan form with what the merge will bring and, after a failed merge, what is wrong. */
export function PlanMergeForm({
  plan,
  suggestedId,
  catalogues,
  problems,
  onChange,
  titlePlace,
  onCatalogueEntry,
  rescope,
  accepted,
  merging,
  merged,
  onMerge,
  where,
  onGo,
  errorsRef,
}: {
  plan: PlanForm;
  suggestedId: string;
  catalogues: Catalogues;
  problems: PlacedProblem[];
  onChange: (patch: Partial<PlanForm>) => void;
  /** The place the title names, to start a new unit from ('' when the catalogue has it). */
  titlePlace: string;
  onCatalogueEntry: (entry: CatalogueEntry) => void;
  /** The offer to move targets to the new default scope, when there are any to move. */
  rescope: ComponentProps<typeof RescopeOffer> | null;
  accepted: { targets: number; tasks: number; indicators: number };
  merging: boolean;
  /** The draft is merged already. */
  merged: boolean;
  onMerge: (e: FormEvent) => void;
  where: (p: PlacedProblem) => string | null;
  onGo: (candidateId: string) => void;
  errorsRef: RefObject<HTMLDivElement | null>;
}) {
  const { t, count } = useI18n();
  return (
    <form className="panel plan-form" onSubmit={onMerge} aria-labelledby="plan-form-heading" noValidate>
      <h2 id="plan-form-heading" className="panel-title">
        {t('ingest.plan.heading')}
      </h2>
      <PlanFormFields plan={plan} suggestedId={suggestedId} catalogues={catalogues} problems={problems} onChange={onChange} />
      <NewScopeButton
        initialName={titlePlace}
        catalogues={catalogues}
        testId="plan-new-scope"
        onCreated={(entry, scope) => {
          onCatalogueEntry(entry);
          onChange({ scopeKind: scope.kind, scope: scope.code });
        }}
      />
      {rescope && <RescopeOffer {...rescope} />}
      <div className="merge-row">
        <p className="merge-summary" data-testid="merge-summary">
          {t('ingest.merge.summary', {
            targets: count(accepted.targets),
            tasks: count(accepted.tasks),
            indicators: count(accepted.indicators),
          })}
        </p>
        <button type="submit" className="btn btn-primary merge-button" disabled={merging || merged} data-testid="merge">
          {merging ? t('ingest.merge.busy') : t('ingest.merge')}
        </button>
      </div>
      <MergeProblems problems={problems} where={where} onGo={onGo} errorsRef={errorsRef} />
    </form>
  );
}
