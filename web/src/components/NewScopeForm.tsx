import { useId, useState } from 'react';
import { ApiError, api, clearCache } from '../api/client.ts';
import type { OrgGroup, OrgUnit } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Catalogues, PlanScope } from '../ingest/reviewModel.ts';
import { OrgUnitOptions } from './OrgUnitOptions.tsx';
import { LabelOptions } from './LabelOptions.tsx';

/* Creating the org unit or group a plan names when the catalogue lacks it (another province's
 * city, a bloc), right in the review: the plan manager needs no catalogue file and no administrator. */

const UNIT_KINDS = ['province', 'prefecture', 'county', 'department', 'development_zone', 'bonded_zone', 'other'] as const;
const GROUP_KINDS = ['bloc', 'zone_level', 'other'] as const;

export type CatalogueEntry = { kind: 'orgUnit'; unit: OrgUnit } | { kind: 'group'; group: OrgGroup };

/** The kind a name suggests: 四川省 → province, 成都市 → prefecture, 高新区 → development zone. */
function kindOf(name: string): (typeof UNIT_KINDS)[number] {
  if (/(开发区|高新区|园区|经开区|新区)$/.test(name)) return 'development_zone';
  if (/保税区$/.test(name)) return 'bonded_zone';
  if (/省$|自治区$/.test(name)) return 'province';
  if (/(市|州|盟)$/.test(name)) return 'prefecture';
  if (/(县|区|旗)$/.test(name)) return 'county';
  if (/(厅|局|委|办)$/.test(name)) return 'department';
  return 'other';
}

interface NewScopeFormProps {
  /** The scope as the text writes it, to start from. */
  initialName: string;
  catalogues: Catalogues;
  onCreated: (entry: CatalogueEntry, scope: PlanScope) => void;
  onCancel: () => void;
}

export function NewScopeForm({ initialName, catalogues, onCreated, onCancel }: NewScopeFormProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [what, setWhat] = useState<'orgUnit' | 'group'>('orgUnit');
  const [name, setName] = useState(initialName);
  const [kind, setKind] = useState<string>(kindOf(initialName));
  const [groupKind, setGroupKind] = useState<(typeof GROUP_KINDS)[number]>('other');
  const [parent, setParent] = useState('');
  const [code, setCode] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (busy) return;
    if (!name.trim()) return setError(t('ingest.newScope.nameRequired'));
    if (what === 'group' && members.length === 0) return setError(t('ingest.newScope.membersRequired'));
    setBusy(true);
    setError(null);
    try {
      const own = code.trim() ? { code: code.trim() } : {};
      const entry: CatalogueEntry =
        what === 'orgUnit'
          ? { kind: 'orgUnit', unit: await api.createOrgUnit({ name, kind, ...own, ...(parent ? { parent } : {}) }) }
          : { kind: 'group', group: await api.createGroup({ name, kind: groupKind, members, ...own }) };
      clearCache();
      onCreated(entry, { kind: what, code: entry.kind === 'orgUnit' ? entry.unit.code : entry.group.code });
    } catch (err) {
      setBusy(false);
      setError(err instanceof ApiError ? (lang === 'zh' ? err.messageZh : err.message) : String(err));
    }
  };

  return (
    // Not a <form>: it also opens inside the plan form and the target editor, and forms do not nest.
    <div className="cand-editor new-scope-form" role="group" aria-label={t('ingest.newScope.title')} data-testid="new-scope-form">
      <div className="editor-grid">
        <div className="form-field">
          <label htmlFor={`${id}-what`}>{t('ingest.newScope.what')}</label>
          <select
            id={`${id}-what`}
            className="input"
            value={what}
            onChange={(e) => setWhat(e.target.value as 'orgUnit' | 'group')}
            data-testid="new-scope-what"
          >
            <option value="orgUnit">{t('ingest.edit.scopeOrgUnit')}</option>
            <option value="group">{t('ingest.edit.scopeGroup')}</option>
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-name`}>{t('ingest.newScope.name')}</label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="new-scope-name"
          />
        </div>
        {what === 'orgUnit' ? (
          <>
            <div className="form-field">
              <label htmlFor={`${id}-kind`}>{t('ingest.newScope.kind')}</label>
              <select
                id={`${id}-kind`}
                className="input"
                value={kind}
                onChange={(e) => setKind(e.target.value)}
                data-testid="new-scope-kind"
              >
                <LabelOptions family="orgKind" codes={UNIT_KINDS} />
              </select>
            </div>
            <div className="form-field">
              <label htmlFor={`${id}-parent`}>{t('ingest.newScope.parent')}</label>
              <select
                id={`${id}-parent`}
                className="input"
                value={parent}
                onChange={(e) => setParent(e.target.value)}
                data-testid="new-scope-parent"
              >
                <option value="">{t('ingest.newScope.noParent')}</option>
                <OrgUnitOptions units={catalogues.orgUnits} />
              </select>
            </div>
          </>
        ) : (
          <GroupFields
            id={id}
            kind={groupKind}
            onKind={setGroupKind}
            members={members}
            onMembers={setMembers}
            catalogues={catalogues}
          />
        )}
        <div className="form-field">
          <label htmlFor={`${id}-code`}>{t('ingest.newScope.code')}</label>
          <input
            id={`${id}-code`}
            className="input input-code"
            value={code}
            placeholder={t('ingest.newScope.codeAuto')}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setCode(e.target.value)}
            data-testid="new-scope-code"
          />
        </div>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="new-scope-error">
          {error}
        </p>
      )}
      <div className="editor-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => void submit()}
          data-testid="new-scope-save"
        >
          {busy ? t('ingest.newScope.busy') : t('ingest.newScope.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('ingest.edit.cancel')}
        </button>
      </div>
    </div>
  );
}

type GroupKind = (typeof GROUP_KINDS)[number];

/** A new group's kind and members. */
function GroupFields({
  id,
  kind: groupKind,
  onKind: setGroupKind,
  members,
  onMembers: setMembers,
  catalogues,
}: {
  id: string;
  kind: GroupKind;
  onKind: (kind: GroupKind) => void;
  members: string[];
  onMembers: (members: string[]) => void;
  catalogues: Catalogues;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="form-field">
        <label htmlFor={`${id}-gkind`}>{t('ingest.newScope.kind')}</label>
        <select
          id={`${id}-gkind`}
          className="input"
          value={groupKind}
          onChange={(e) => setGroupKind(e.target.value as (typeof GROUP_KINDS)[number])}
        >
          <LabelOptions family="groupKind" codes={GROUP_KINDS} />
        </select>
      </div>
      <div className="form-field field-wide">
        <label htmlFor={`${id}-members`}>{t('ingest.newScope.members')}</label>
        <select
          id={`${id}-members`}
          className="input"
          multiple
          size={6}
          value={members}
          onChange={(e) => setMembers([...e.target.selectedOptions].map((o) => o.value))}
          data-testid="new-scope-members"
        >
          <OrgUnitOptions units={catalogues.orgUnits} />
        </select>
      </div>
    </>
  );
}

/** A link that opens the form in place; the created unit or group is then assigned by the caller. */
export function NewScopeButton({
  initialName,
  catalogues,
  onCreated,
  testId = 'new-scope',
}: Omit<NewScopeFormProps, 'onCancel'> & { testId?: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)} data-testid={testId}>
        {initialName ? t('ingest.newScope.openNamed', { name: initialName }) : t('ingest.newScope.open')}
      </button>
    );
  return (
    <NewScopeForm
      initialName={initialName}
      catalogues={catalogues}
      onCreated={(entry, scope) => {
        setOpen(false);
        onCreated(entry, scope);
      }}
      onCancel={() => setOpen(false)}
    />
  );
}
