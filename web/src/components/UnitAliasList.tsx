import type { UnitAlias } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { DataTable, type Column } from './DataTable.tsx';
import type { AliasKind } from './unitAliasLines.ts';

const COLUMNS: readonly Column[] = ['aliases.alias', 'aliases.kind', 'aliases.source', { label: null }];

/** A unit's aliases, each with its kind, where it came from and a remove button. */
export function UnitAliasList({
  aliases,
  busy,
  onRemove,
}: {
  aliases: readonly UnitAlias[];
  busy: boolean;
  onRemove: (aliasId: number) => void;
}) {
  const { t } = useI18n();
  return (
    <DataTable testId="unit-alias-list" columns={COLUMNS}>
      {aliases.map((a) => (
        <tr key={a.id} data-testid="unit-alias">
          <td>{a.alias}</td>
          <td>{t(`aliases.kind.${a.kind as AliasKind}`)}</td>
          <td className="muted small">{t(a.source === 'derived' ? 'aliases.source.derived' : 'aliases.source.admin')}</td>
          <td>
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => onRemove(a.id)}
              data-testid="unit-alias-remove"
            >
              {t('aliases.remove')}
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
