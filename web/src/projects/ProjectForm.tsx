import { useId, useState, type ChangeEvent, type ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { useAsync } from '../api/useAsync.ts';
import { canReport } from '../auth/permissions.ts';
import { errorDetail } from '../components/Status.tsx';
import { useI18n, type I18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { projectsApi, type ProjectFieldsInput } from './projectsApi.ts';
import { STAGES, type Boards, type ProjectDetail, type Stage } from './projectTypes.ts';

/**
 * Who sees the project form. The API needs `report` on the project's zone; like permissions.ts the
 * interface only looks at the roles (the server checks the zone itself and answers 403 outside it).
 */
export const canEditProjects = (me: Me): boolean => canReport(me);

type Field = 'name' | 'zone' | 'industry' | 'chain' | 'totalInvestment' | 'description' | 'stages' | 'reason';
const FIELDS: readonly Field[] = ['name', 'zone', 'industry', 'chain', 'totalInvestment', 'description', 'stages', 'reason'];

/**
 * The server's per-field errors: the service's `[{ field, message, messageZh }]` ("stages[0].plannedOn")
 * and schema validation's `[{ field: "/totalInvestment", message }]` (English only), keyed by form field.
 */
/*
 * Schema validation answers in English only; the messages our schemas give for these fields are
 * known, so the form says them in Chinese too (anything else is shown as sent, after a Chinese lead).
 */
const SCHEMA_MESSAGES: readonly [RegExp, MessageKey][] = [
  [/^must not be empty/, 'projects.form.err.empty'],
  [/^must not be negative/, 'projects.form.err.negative'],
  [/^must be a decimal number/, 'projects.form.err.decimal'],
  [/date/, 'projects.form.err.date'],
];

function schemaMessage(message: string, t: I18n['t']): string {
  const known = SCHEMA_MESSAGES.find(([re]) => re.test(message));
  return known ? t(known[1]) : t('projects.form.err.invalid', { message });
}

export function fieldErrors(error: unknown, lang: string, t: I18n['t']): Partial<Record<Field, string>> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const out: Partial<Record<Field, string>> = {};
  for (const d of error.details as unknown[]) {
    if (typeof d !== 'object' || d === null) continue;
    const { field, message, messageZh } = d as { field?: unknown; message?: unknown; messageZh?: unknown };
    if (typeof field !== 'string' || typeof message !== 'string') continue;
    const key = field.replace(/^\//, '').split(/[./[]/)[0] as Field;
    if (!FIELDS.includes(key)) continue;
    const text = lang !== 'zh' ? message : typeof messageZh === 'string' ? messageZh : schemaMessage(message, t);
    out[key] = out[key] ? `${out[key]}; ${text}` : text;
  }
  return out;
}

interface Draft {
  name: string;
  zone: string;
  industry: string;
  chain: string;
  totalInvestment: string;
  description: string;
  planned: Record<Stage, string>;
  reason: string;
}

function draftOf(p: ProjectDetail | null, zone: string): Draft {
  const planned = Object.fromEntries(STAGES.map((s) => [s, p?.stages.find((d) => d.stage === s)?.plannedOn ?? ''])) as Record<
    Stage,
    string
  >;
  return {
    name: p?.name ?? '',
    zone: p?.zone.code ?? zone,
    industry: p?.industry ?? '',
    chain: p?.chain?.code ?? '',
    totalInvestment: p?.totalInvestment ?? '',
    description: p?.description ?? '',
    planned,
    reason: '',
  };
}

function FormField({
  id,
  name,
  label,
  error,
  children,
}: {
  id: string;
  /** The field's name in test ids (`<name>-error`). */
  name: string;
  label: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <span className="field-error" id={`${id}-error`} data-testid={`${name}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * Creates a project (no `project`) or edits one's fields. The zone is fixed once created: a project
 * moves between zones only by a transfer agreement (跨区域流转), and its stage by the stage form.
 */
export function ProjectForm({
  project,
  zones,
  defaultZone = '',
  onSaved,
  onCancel,
  onReload,
}: {
  project: ProjectDetail | null;
  /** The zones offered on create (the board's zones in scope). */
  zones: Boards['zones'];
  defaultZone?: string;
  onSaved: (p: ProjectDetail) => void;
  onCancel: () => void;
  /** Offered after a 409: fetch the current version (the caller remounts the form with it). */
  onReload?: () => void;
}) {
  const { t, label, lang } = useI18n();
  const base = useId();
  const id = (f: string) => `${base}-${f}`;
  const chains = useAsync((signal) => projectsApi.chains(signal), []);
  const [d, setD] = useState<Draft>(() => draftOf(project, defaultZone));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ text: string; conflict: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const invalid = (f: Field) => (errors[f] ? { 'aria-invalid': true, 'aria-describedby': `${id(f)}-error` } : {});
  /** What every text control of a field shares: id, test id, value, change handler and error link. */
  const bind = (f: Exclude<keyof Draft, 'planned'>) => ({
    id: id(f),
    className: 'input',
    'data-testid': `form-${f}`,
    value: d[f],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set(f, e.target.value),
    ...invalid(f),
  });

  const submit = async () => {
    setBusy(true);
    setErrors({});
    setMessage(null);
    const fields: ProjectFieldsInput = {
      name: d.name,
      industry: d.industry.trim() || null,
      chain: d.chain || null,
      totalInvestment: d.totalInvestment.trim(),
      description: d.description.trim() || null,
      stages: STAGES.map((s) => ({ stage: s, plannedOn: d.planned[s] || null })),
    };
    try {
      const saved = project
        ? await projectsApi.update(project.id, { ...fields, version: project.version, reason: d.reason.trim() || undefined })
        : await projectsApi.create({ ...fields, zone: d.zone });
      onSaved(saved);
    } catch (err) {
      const conflict = err instanceof ApiError && err.status === 409;
      setErrors(fieldErrors(err, lang, t));
      setMessage({ text: conflict ? t('projects.form.conflict') : errorDetail(err, lang), conflict });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel project-edit-form"
      data-testid="project-form"
      data-mode={project ? 'edit' : 'create'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 className="panel-title">{project ? t('projects.form.editHeading') : t('projects.form.createHeading')}</h2>
      <div className="project-form">
        <FormField id={id('name')} name="name" label={t('projects.form.name')} error={errors.name}>
          <input {...bind('name')} required maxLength={200} />
        </FormField>
        <FormField id={id('zone')} name="zone" label={t('projects.zone')} error={errors.zone}>
          {project ? (
            <input id={id('zone')} className="input" value={project.zone.name} readOnly data-testid="form-zone" />
          ) : (
            <select {...bind('zone')}>
              <option value="">{t('projects.form.chooseZone')}</option>
              {zones.map((z) => (
                <option key={z.code} value={z.code}>
                  {z.name}
                  {z.prefecture ? `（${z.prefecture.name}）` : ''}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={id('industry')} name="industry" label={t('projects.industry')} error={errors.industry}>
          <input {...bind('industry')} />
        </FormField>
        <FormField id={id('chain')} name="chain" label={t('projects.chain')} error={errors.chain}>
          <select {...bind('chain')}>
            <option value="">{t('common.dash')}</option>
            {(chains.status === 'ok' ? chains.data : []).map((c) => (
              <option key={c.code} value={c.code}>
                {lang === 'zh' ? c.name : c.nameEn}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          id={id('totalInvestment')}
          name="totalInvestment"
          label={t('projects.totalInvestment')}
          error={errors.totalInvestment}
        >
          <input {...bind('totalInvestment')} inputMode="decimal" />
        </FormField>
      </div>
      <FormField id={id('description')} name="description" label={t('projects.form.description')} error={errors.description}>
        <textarea {...bind('description')} rows={2} />
      </FormField>
      <fieldset className="form-fieldset">
        <legend>{t('projects.form.plannedDates')}</legend>
        <div className="project-form">
          {STAGES.map((s) => (
            <FormField key={s} id={id(`planned-${s}`)} name={`planned-${s}`} label={label('projects.stage', s)}>
              <input
                id={id(`planned-${s}`)}
                className="input"
                type="date"
                data-testid={`form-planned-${s}`}
                value={d.planned[s]}
                onChange={(e) => set('planned', { ...d.planned, [s]: e.target.value })}
              />
            </FormField>
          ))}
        </div>
        {errors.stages && (
          <p className="field-error" data-testid="stages-error">
            {errors.stages}
          </p>
        )}
      </fieldset>
      {project && (
        <FormField id={id('reason')} name="reason" label={t('projects.form.reason')} error={errors.reason}>
          <input {...bind('reason')} />
        </FormField>
      )}
      {message && (
        <p className="field-error" role="alert" data-testid="form-error" data-conflict={message.conflict}>
          {message.text}{' '}
          {message.conflict && onReload && (
            <button type="button" className="btn btn-small" data-testid="form-reload" onClick={onReload}>
              {t('projects.form.reload')}
            </button>
          )}
        </p>
      )}
      <div className="project-form">
        <button type="submit" className="btn btn-primary" data-testid="form-submit" disabled={busy}>
          {project ? t('projects.form.save') : t('projects.form.create')}
        </button>
        <button type="button" className="btn" data-testid="form-cancel" onClick={onCancel}>
          {t('projects.form.cancel')}
        </button>
      </div>
    </form>
  );
}
