import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { parseAliasLines } from './unitAliasLines.ts';

/** One alias of a bulk import and how it went. */
export interface AliasResult {
  alias: string;
  ok: boolean;
  reason: string;
}

/** Many aliases at once: a pasted list (the box is the caller's) or a .csv/.txt file, imported line by line, then each line's outcome. */
export function UnitAliasBulk({
  bulk,
  setBulk,
  busy,
  results,
  onImport,
  children,
}: {
  bulk: string;
  setBulk: (text: string) => void;
  busy: boolean;
  results: readonly AliasResult[];
  onImport: () => void;
  /** The list's own box (label and textarea), before the file picker. */
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="form-field">
        {children}
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
          onClick={onImport}
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
    </>
  );
}
