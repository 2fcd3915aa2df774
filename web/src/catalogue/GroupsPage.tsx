import { useEffect, useId, useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import { useAction } from '../api/useAction.ts';
import type { OrgGroup, OrgUnit } from '../api/types.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canDefinePlans } from '../auth/permissions.ts';
import { OrgUnitOptions } from '../components/OrgUnitOptions.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * 分组管理 (issue 16 item 2): the plan office puts units into a group (a 主体功能区 type, a 板块) and takes
 * them out, with a required reason, or imports an Excel workbook; the server applies all or nothing and audits.
 */
export function GroupsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [attempt, setAttempt] = useState(0);
  const state = useAsync(async (signal) => ({ groups: await api.groupsNow(signal), units: await api.orgUnits() }), [attempt]);
  // The last groups loaded stay on screen while they reload after a change, so the choice and the message stay.
  const [data, setData] = useState<{ groups: OrgGroup[]; units: OrgUnit[] } | null>(null);
  useEffect(() => {
    if (state.status === 'ok') setData(state.data);
  }, [state]);
  return (
    <section className="page" aria-labelledby="groups-heading">
      <PageHead id="groups-heading" title={t('groups.heading')} intro={t('groups.intro')} />
      {!canDefinePlans(me) && <p className="hint-box">{t('groups.noRight')}</p>}
      {state.status === 'loading' && !data && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} onRetry={() => setAttempt((a) => a + 1)} />}
      {data && canDefinePlans(me) && (
        <GroupsEditor groups={data.groups} units={data.units} onChanged={() => setAttempt((a) => a + 1)} />
      )}
    </section>
  );
}

function GroupsEditor({
  groups,
  units,
  onChanged,
}: {
  groups: readonly OrgGroup[];
  units: readonly OrgUnit[];
  onChanged: () => void;
}) {
  const { t, label, lang } = useI18n();
  const pickId = useId();
  const [code, setCode] = useState(groups[0]?.code ?? '');
  const [reason, setReason] = useState('');
  const group = groups.find((g) => g.code === code);
  return (
    <>
      <div className="panel">
        <label htmlFor={pickId}>{t('groups.pick')}</label>{' '}
        <select id={pickId} className="input" value={code} onChange={(e) => setCode(e.target.value)} data-testid="group-pick">
          {groups.map((g) => (
            <option key={g.code} value={g.code}>
              {`${lang === 'en' && g.nameEn ? g.nameEn : g.name}（${label('groupKind', g.kind)}）`}
            </option>
          ))}
        </select>
      </div>
      {group && (
        <MembersEditor key={group.code} group={group} units={units} reason={reason} setReason={setReason} onSaved={onChanged} />
      )}
      <GroupImport reason={reason} onImported={onChanged} />
    </>
  );
}

function MembersEditor({
  group,
  units,
  reason,
  setReason,
  onSaved,
}: {
  group: OrgGroup;
  units: readonly OrgUnit[];
  reason: string;
  setReason: (r: string) => void;
  onSaved: () => void;
}) {
  const { t, count } = useI18n();
  const addId = useId();
  const reasonId = useId();
  const [adding, setAdding] = useState<string[]>([]);
  const [removing, setRemoving] = useState<string[]>([]);
  const [pick, setPick] = useState('');
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const nameOf = (c: string) => units.find((u) => u.code === c)?.name ?? c;
  const candidates = useMemo(
    () => units.filter((u) => !group.members.includes(u.code) && !adding.includes(u.code)),
    [units, group.members, adding],
  );
  const save = async () => {
    setError(null);
    setDone(null);
    if (reason.trim() === '') return setError(new Error(t('groups.needReason')));
    await run(async () => {
      const result = await api.changeGroupMembers([{ group: group.code, add: adding, remove: removing }], reason);
      const after = result.groups.find((g) => g.code === group.code);
      setDone(t('groups.saved', { group: group.name, n: count(after?.members.length ?? 0) }));
      setAdding([]);
      setRemoving([]);
      onSaved();
    });
  };
  return (
    <div className="panel" data-testid="group-members">
      <h2>{t('groups.members', { n: count(group.members.length) })}</h2>
      {group.members.length === 0 && <p className="panel-note">{t('groups.noMembers')}</p>}
      <ul className="plain-list">
        {group.members.map((m) => (
          <li key={m}>
            {nameOf(m)} {removing.includes(m) && <span className="role-chip">{t('groups.toRemove')}</span>}{' '}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setRemoving((r) => (r.includes(m) ? r.filter((x) => x !== m) : [...r, m]))}
            >
              {removing.includes(m) ? t('groups.undoRemove') : t('groups.remove')}
            </button>
          </li>
        ))}
        {adding.map((a) => (
          <li key={a}>
            {nameOf(a)} <span className="role-chip">{t('groups.toAdd')}</span>{' '}
            <button type="button" className="btn btn-small" onClick={() => setAdding((l) => l.filter((x) => x !== a))}>
              {t('groups.undoRemove')}
            </button>
          </li>
        ))}
      </ul>
      <p>
        <label htmlFor={addId}>{t('groups.addUnit')}</label>{' '}
        <select id={addId} className="input" value={pick} onChange={(e) => setPick(e.target.value)} data-testid="group-add-pick">
          <option value="">{t('groups.addPick')}</option>
          <OrgUnitOptions units={candidates} />
        </select>{' '}
        <button
          type="button"
          className="btn btn-small"
          disabled={pick === ''}
          data-testid="group-add"
          onClick={() => {
            setAdding((l) => [...l, pick]);
            setPick('');
          }}
        >
          {t('groups.add')}
        </button>
      </p>
      <p>
        <label htmlFor={reasonId}>{t('groups.reason')}</label>{' '}
        <input
          id={reasonId}
          className="input"
          required
          placeholder={t('groups.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="group-reason"
        />
      </p>
      {adding.length + removing.length === 0 && <p className="panel-note">{t('groups.nothing')}</p>}
      <button
        type="button"
        className="btn"
        disabled={busy || adding.length + removing.length === 0}
        onClick={() => void save()}
        data-testid="group-save"
      >
        {busy ? t('groups.saving') : t('groups.save')}
      </button>
      {error !== null && <ErrorMessage error={error} title={t('groups.saveFailed')} testId="group-error" />}
      {done && (
        <p className="status" role="status" data-testid="group-saved">
          {done}
        </p>
      )}
    </div>
  );
}

function GroupImport({ reason, onImported }: { reason: string; onImported: () => void }) {
  const { t, count } = useI18n();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    setDone(null);
    if (!file) return;
    if (reason.trim() === '') return setError(new Error(t('groups.needReason')));
    await run(async () => {
      const result = await api.importGroupMembers(file, reason);
      setDone(t('groups.import.done', { n: count(result.groups.length) }));
      onImported();
    });
  };
  return (
    <div className="panel" data-testid="group-import">
      <h2>{t('groups.import.heading')}</h2>
      <p className="panel-note">{t('groups.import.hint')}</p>
      <label htmlFor={fileId}>{t('groups.import.file')}</label>{' '}
      <input
        id={fileId}
        type="file"
        accept=".xlsx"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        data-testid="group-import-file"
      />{' '}
      <button
        type="button"
        className="btn"
        disabled={busy || !file}
        onClick={() => void submit()}
        data-testid="group-import-submit"
      >
        {t('groups.import.submit')}
      </button>
      {error !== null && <ErrorMessage error={error} title={t('groups.importFailed')} testId="group-import-error" />}
      {done && (
        <p className="status" role="status" data-testid="group-imported">
          {done}
        </p>
      )}
    </div>
  );
}
