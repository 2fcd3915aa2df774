import { DataTable } from '../components/DataTable.tsx';
import { useState } from 'react';
import type { FormMappings } from '../api/reportingTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export type MappingKind = FormMappings['mappings'][number]['kind'];
export interface MapOption {
  code: string;
  name: string;
}

/** What an import page offers to map a name it did not recognise to (issue 18). */
export interface MappingChoices {
  units: MapOption[];
  indicators: MapOption[];
  onMap: (kind: MappingKind, text: string, target: MapOption) => Promise<void>;
}

/**
 * A picker beside a name the import did not recognise: choose the unit (suggested ones first) or
 * indicator it means and remember it for the form. Names and codes are shown as names only.
 */
export function MapChoice({
  kind,
  text,
  suggestions = [],
  choices,
}: {
  kind: MappingKind;
  text: string;
  suggestions?: MapOption[];
  choices: MappingChoices;
}) {
  const { t } = useI18n();
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const all = kind === 'org_unit' ? choices.units : choices.indicators;
  const others = all.filter((o) => !suggestions.some((s) => s.code === o.code));
  const chosen = [...suggestions, ...others].find((o) => o.code === target);
  return (
    <span className="map-choice" data-testid="map-choice" data-kind={kind}>
      <select
        className="input input-small"
        value={target}
        aria-label={t('reporting.map.choose')}
        onChange={(e) => setTarget(e.target.value)}
        data-testid="map-target"
      >
        <option value="">{t('reporting.map.choose')}</option>
        {suggestions.length > 0 && (
          <optgroup label={t('reporting.map.suggested')}>
            {suggestions.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </optgroup>
        )}
        {suggestions.length > 0 && kind === 'org_unit' ? (
          <optgroup label={t('reporting.map.allUnits')}>
            {others.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </optgroup>
        ) : (
          others.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))
        )}
      </select>{' '}
      <button
        type="button"
        className="btn btn-small"
        disabled={!chosen || busy}
        onClick={() => {
          if (!chosen) return;
          setBusy(true);
          void choices.onMap(kind, text, chosen).finally(() => setBusy(false));
        }}
        data-testid="map-remember"
      >
        {busy ? t('reporting.map.saving') : t('reporting.map.remember')}
      </button>
    </span>
  );
}

/** The form's remembered mappings, each removable (removing is audited on the server). */
export function MappingsPanel({
  mappings,
  onRemove,
}: {
  mappings: FormMappings['mappings'];
  onRemove: (id: number) => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<number | null>(null);
  return (
    <section className="panel import-mappings" data-testid="import-mappings">
      <h2 className="panel-title">{t('reporting.map.title')}</h2>
      <p className="muted small">{t('reporting.map.intro')}</p>
      {mappings.length === 0 ? (
        <p className="muted" data-testid="import-mappings-empty">
          {t('reporting.map.none')}
        </p>
      ) : (
        <DataTable columns={['reporting.map.text', 'reporting.map.target', 'reporting.map.by', { label: '' }]}>
          {mappings.map((m) => (
            <tr key={m.id} data-testid="import-mapping" data-kind={m.kind}>
              <td>{m.text}</td>
              <td>
                <span className="muted small">{t(`reporting.map.kind.${m.kind}`)}</span> {m.targetName}
              </td>
              <td className="muted small">
                {m.createdBy ?? '—'} · {new Date(m.createdAt).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB')}
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={busy !== null}
                  onClick={() => {
                    setBusy(m.id);
                    void onRemove(m.id).finally(() => setBusy(null));
                  }}
                  data-testid="import-mapping-remove"
                >
                  {busy === m.id ? t('reporting.map.removing') : t('reporting.map.remove')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
