import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorMessage, Loading } from './Status.tsx';

const KINDS = ['short', 'former', 'other'] as const;
type AliasKind = (typeof KINDS)[number];

/** One line of a pasted or uploaded list: "别名" or "别名,类型" (类型: 简称/曾用名/其他 or short/former/other). */
export function parseAliasLines(text: string): { alias: string; kind: AliasKind }[] {
  const kindOf = (word: string | undefined): AliasKind => {
    const w = (word ?? '').trim();
    if (w === '曾用名' || w === 'former') return 'former';
    if (w === '其他' || w === 'other') return 'other';
    return 'short';
  };
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.split(/[,，\t]/))
    .map(([alias, kind]) => ({ alias: (alias ?? '').trim(), kind: kindOf(kind) }))
    .filter((l) => l.alias && l.alias !== '别名' && l.alias.toLowerCase() !== 'alias');
}

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
  const [results, setResults] = useState<{ alias: string; ok: boolean; reason: string }[]>([]);

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
          <table className="data-table" data-testid="unit-alias-list">
            <thead>
              <tr>
                <th scope="col">{t('aliases.alias')}</th>
                <th scope="col">{t('aliases.kind')}</th>
                <th scope="col">{t('aliases.source')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {aliases.data.map((a) => (
                <tr key={a.id} data-testid="unit-alias">
                  <td>{a.alias}</td>
                  <td>{t(`aliases.kind.${a.kind as AliasKind}`)}</td>
                  <td className="muted small">{t(a.source === 'derived' ? 'aliases.source.derived' : 'aliases.source.admin')}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busy}
                      onClick={() => void remove(a.id)}
                      data-testid="unit-alias-remove"
                    >
                      {t('aliases.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
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
            {KINDS.map((k) => (
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
      <div className="form-field">
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
        <input
          type="file"
          className="input"
          accept=".csv,.txt"
          aria-label={t('aliases.file')}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void f.text().then(setBulk);
          }}
          data-testid="unit-alias-file"
        />
        <button
          type="button"
          className="btn"
          disabled={busy || parseAliasLines(bulk).length === 0}
          onClick={() => void importLines()}
          data-testid="unit-alias-import"
        >
          {t('aliases.import', { n: parseAliasLines(bulk).length })}
        </button>
      </div>
      {results.length > 0 && (
        <ul className="import-notes" data-testid="unit-alias-results">
          {results.map((r, i) => (
            <li key={i} data-ok={String(r.ok)}>
              {r.alias}：{r.reason}
            </li>
          ))}
        </ul>
      )}
      {error !== null && <ErrorMessage error={error} testId="unit-alias-error" />}
    </section>
  );
}
