import { useState } from 'react';
import { api } from '../api/client.ts';
import { useAction } from '../api/useAction.ts';
import type { SchemeDefinition, WeightsResult } from '../api/evaluationTypes.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { initialMatrix, nearestSaaty, SAATY, saatyText, setJudgement } from './editorModel.ts';

/**
 * AHP pairwise-comparison helper: the upper triangle is chosen on Saaty's 1–9 scale (the lower is kept
 * reciprocal), the server computes the principal-eigenvector weights, λmax, CI and CR and refuses a matrix
 * with CR ≥ 0.1 (its zh/en message is shown). Applying stores the matrix with the scheme, so the server
 * derives the weights from it on save.
 */
export function AhpHelper({
  definition,
  disabled,
  onApply,
}: {
  definition: SchemeDefinition;
  disabled: boolean;
  onApply: (weights: number[], matrix: number[][]) => void;
}) {
  const { t, lang, num } = useI18n();
  const names = definition.indicators.map((i) => (lang === 'en' ? (i.nameEn ?? i.name) : i.name));
  const n = names.length;
  const [matrix, setMatrix] = useState(() => initialMatrix(n, definition.ahp?.matrix));
  const [result, setResult] = useState<WeightsResult | null>(null);
  const { busy, error, setError, run } = useAction();
  // The indicator list changed under the helper: start from a fresh matrix of the new size.
  const sized = matrix.length === n ? matrix : initialMatrix(n, undefined);

  const compute = () =>
    run(async () => {
      setResult(null);
      setResult(await api.ahpWeights(sized));
    });

  return (
    <div className="eval-ahp" data-testid="ahp-helper">
      <p className="muted small">{t('eval.ahp.intro')}</p>
      <DataTable
        className="data-table eval-ahp-matrix"
        columns={[{ label: null }, ...names.map((name, j) => ({ label: j + 1, title: name }))]}
      >
        {names.map((name, i) => (
          <tr key={i}>
            <th scope="row">
              {i + 1}. {name}
            </th>
            {names.map((_, j) => (
              <td key={j} className="num">
                {j > i ? (
                  <select
                    className="input"
                    value={String(nearestSaaty(sized[i]![j]!))}
                    disabled={disabled}
                    aria-label={t('eval.ahp.cell', { a: name, b: names[j]! })}
                    data-testid={`ahp-${i}-${j}`}
                    onChange={(e) => {
                      setMatrix(setJudgement(sized, i, j, Number(e.target.value)));
                      setResult(null);
                      setError(null);
                    }}
                  >
                    {SAATY.map((x) => (
                      <option key={x} value={String(x)}>
                        {saatyText(x)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="muted">{saatyText(nearestSaaty(sized[i]![j]!))}</span>
                )}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
      <div className="toolbar">
        <button
          type="button"
          className="btn"
          disabled={busy || disabled || n < 2}
          onClick={() => void compute()}
          data-testid="ahp-compute"
        >
          {t('eval.ahp.compute')}
        </button>
        {result && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={disabled}
            onClick={() => onApply(result.weights, sized)}
            data-testid="ahp-apply"
          >
            {t('eval.ahp.apply')}
          </button>
        )}
      </div>
      {error !== null && <ErrorMessage error={error} title={t('eval.ahp.refused')} testId="ahp-error" />}
      {result && (
        <div data-testid="ahp-result" data-cr={result.cr ?? ''}>
          <p>
            {t('eval.ahp.consistency', {
              lambda: num((result.lambdaMax ?? n).toFixed(4)),
              ci: num((result.ci ?? 0).toFixed(4)),
              cr: num((result.cr ?? 0).toFixed(4)),
            })}
          </p>
          <ul className="eval-ahp-weights">
            {result.weights.map((w, k) => (
              <li key={k}>
                {names[k]}: <span className="num">{num(w.toFixed(4))}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
