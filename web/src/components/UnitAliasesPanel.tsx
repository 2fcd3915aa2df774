import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorMessage, Loading } from './Status.tsx';
import { ALIAS_KINDS, parseAliasLines, type AliasKind } from './unitAliasLines.ts';
import { UnitAliasBulk, type AliasResult } from './UnitAliasBulk.tsx';
import { UnitAliasList } from './UnitAliasList.tsx';

/**
 * 单位别名 for administrators (issue 18): the names the unit picked in the tree goes by, matched at
 * import. List, add, remove, and add many at once from a pasted list or a .csv/.txt file; the unit is
 * always the one chosen in the tree, never typed. Uses GET/POST/DELETE /org-units/{code}/aliases.
 */
export function UnitAliasesPanel({ code, name }: { code: string; name: string }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [version, setVersion] = useState(0);
  const aliases = useAsync((signal) => api.unitAliases(code, signal), [code, version]);
  const [alias, setAlias] = useState('');
  const [kind, setKind] = useState<AliasKind>('short');
  const [bulk, setBulk] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [results, setResults] = useState<AliasResult[]>([]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.addUnitAlias(code, alias.trim(), kind);
      setAlias('');
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (aliasId: number) => {
    setBusy(true);
    setError(null);
    try {
      await api.removeUnitAlias(code, aliasId);
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const importLines = async () => {
    setBusy(true);
    setError(null);
    const out: typeof results = [];
    for (const line of parseAliasLines(bulk)) {
      try {
        await api.addUnitAlias(code, line.alias, line.kind);
        out.push({ alias: line.alias, ok: true, reason: t('aliases.added') });
      } catch (err) {
        out.push({
          alias: line.alias,
          ok: false,
          reason: err instanceof ApiError ? (lang === 'zh' ? err.messageZh : err.message) : t('aliases.failed'),
        });
      }
    }
    setResults(out);
    setBulk('');
    setBusy(false);
    setVersion((v) => v + 1);
  };

  return (
    <section className="panel unit-aliases" aria-labelledby={`${id}-title`} data-testid="unit-aliases">
      <h2 id={`${id}-title`} className="panel-title">
        {t('aliases.title', { name })}
      </h2>
      <p className="muted small">{t('aliases.intro')}</p>
      {aliases.status === 'loading' && <Loading />}
      {aliases.status === 'error' && <ErrorMessage error={aliases.error} />}
      {aliases.status === 'ok' &&
        (aliases.data.length === 0 ? (
          <p className="muted" data-testid="unit-aliases-empty">
            {t('aliases.none')}
          </p>
        ) : (
          <UnitAliasList aliases={aliases.data} busy={busy} onRemove={(aliasId) => void remove(aliasId)} />
        ))}
      <form className="form-grid" onSubmit={(e) => void add(e)} data-testid="unit-alias-form">
        <div className="form-field">
          <label htmlFor={`${id}-alias`}>{t('aliases.alias')}</label>
          <input
            id={`${id}-alias`}
            className="input"
            value={alias}
            maxLength={200}
            onChange={(e) => setAlias(e.target.value)}
            data-testid="unit-alias-input"
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-kind`}>{t('aliases.kind')}</label>
          <select
            id={`${id}-kind`}
            className="input"
            value={kind}
            onChange={(e) => setKind(e.target.value as AliasKind)}
            data-testid="unit-alias-kind"
          >
            {ALIAS_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`aliases.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !alias.trim()} data-testid="unit-alias-add">
            {t('aliases.add')}
          </button>
        </div>
      </form>
      <UnitAliasBulk bulk={bulk} setBulk={setBulk} busy={busy} results={results} onImport={() => void importLines()}>
        <label htmlFor={`${id}-bulk`}>{t('aliases.bulk')}</label>
        <textarea
          id={`${id}-bulk`}
          className="input"
          rows={4}
          value={bulk}
          placeholder={t('aliases.bulkPlaceholder')}
          onChange={(e) => setBulk(e.target.value)}
          data-testid="unit-alias-bulk"
        />
      </UnitAliasBulk>
      {error !== null && <ErrorMessage error={error} testId="unit-alias-error" />}
    </section>
  );
}
