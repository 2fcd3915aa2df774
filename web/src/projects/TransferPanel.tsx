import { useState } from 'react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ProjectDetail, UnitRef } from './projectTypes.ts';

/** The project's transfer agreements with both zones' shares, and each zone's reported vs attributed figures. */
export function TransferPanel({ p }: { p: ProjectDetail }) {
  const { t, label } = useI18n();
  // Years the agreements cover up to this one; the last complete year first (this year's figures are still coming in).
  const thisYear = new Date().getFullYear();
  const first = Math.min(thisYear, ...p.transfers.map((a) => Number(a.startMonth.slice(0, 4))));
  const years = Array.from({ length: thisYear - first + 1 }, (_, i) => String(thisYear - i));
  const [year, setYear] = useState(String(Math.max(first, thisYear - 1)));
  return (
    <section className="panel" data-testid="transfer-panel">
      <h2 className="panel-title">{t('projects.transfers')}</h2>
      {p.transfers.length === 0 && <p className="muted">{t('projects.noTransfer')}</p>}
      {p.transfers.length > 0 && (
        <label className="form-field project-year">
          {t('projects.year')}{' '}
          <select className="input" data-testid="transfer-year" value={year} onChange={(e) => setYear(e.target.value)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      )}
      {p.transfers.map((a) => (
        <div key={a.id} data-testid="transfer-agreement">
          <p>
            <strong>{t('projects.fromZone')}</strong> {a.fromZone.name} → <strong>{t('projects.toZone')}</strong> {a.toZone.name}{' '}
            · <span data-testid="transfer-shares">{t('projects.shares', { from: a.shares.from, to: a.shares.to })}</span> ·{' '}
            {t('projects.period', { start: a.startMonth, end: a.endMonth ?? t('projects.open') })} ·{' '}
            {label('projects.status', a.status)}
          </p>
          {a.indicatorShares.map((s) => (
            <p key={s.indicator} className="muted small">
              {s.indicator}: {s.from}% / {s.to}%
            </p>
          ))}
          <p className="muted small">{a.reference}</p>
          <div className="zone-attribution-grid">
            <ZoneFigures zone={a.fromZone} year={year} />
            <ZoneFigures zone={a.toZone} year={year} />
          </div>
        </div>
      ))}
    </section>
  );
}

function ZoneFigures({ zone, year }: { zone: UnitRef; year: string }) {
  const { t, num } = useI18n();
  const state = useAsync((signal) => api.zoneAttribution(zone.code, year, signal), [zone.code, year]);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  return (
    <table className="data-table" data-testid="zone-attribution" data-zone={zone.code}>
      <caption>{t('projects.attribution', { zone: zone.name, year })}</caption>
      <thead>
        <tr>
          <th />
          <th className="col-num">{t('projects.reported')}</th>
          <th className="col-num">{t('projects.attributed')}</th>
          <th className="col-num">{t('projects.delta')}</th>
        </tr>
      </thead>
      <tbody>
        {state.data.indicators.map((i) => (
          <tr key={i.code}>
            <th>
              {i.name}（{i.unit}）
            </th>
            <td className="col-num">{num(i.reported)}</td>
            <td className="col-num">{num(i.attributed)}</td>
            <td className="col-num">{num(i.delta)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
