import { unitNameKey } from '../../org-units/unit-name-key.ts';
import { matchKey } from './header-words.ts';
import type { TableItem, TableUnit } from './table.types.ts';

/**
 * A name an import did not recognise, mapped once by a reporter to a unit or an indicator of the
 * form ("a mapping chosen once is remembered for that form", issue 18).
 */
export interface FormMapping {
  kind: 'org_unit' | 'indicator';
  /** As the reporter's file wrote it. */
  text: string;
  /** Unit code or indicator code. */
  target: string;
}

export const MAPPING_KINDS = ['org_unit', 'indicator'] as const;

/** The key a mapping is matched on: the same folding the import applies to unit names or headings. */
export function mappingKey(kind: FormMapping['kind'], text: string): string {
  return kind === 'org_unit' ? unitNameKey(text) : matchKey(text);
}

/**
 * The form's items and units with the remembered mappings added as synonyms and aliases, so the
 * interpreter recognises them exactly as it recognises a name the catalogue gives. A mapping whose
 * target is no longer on the form (or no longer a reporting unit) is left out.
 */
export function withFormMappings(
  items: readonly TableItem[],
  units: readonly TableUnit[],
  mappings: readonly FormMapping[],
): { items: TableItem[]; units: TableUnit[] } {
  const extraSynonyms = new Map<string, string[]>();
  const extraAliases = new Map<string, string[]>();
  for (const m of mappings) {
    const into = m.kind === 'indicator' ? extraSynonyms : extraAliases;
    into.set(m.target, [...(into.get(m.target) ?? []), m.text]);
  }
  return {
    items: items.map((i) =>
      extraSynonyms.has(i.indicator) ? { ...i, synonyms: [...i.synonyms, ...extraSynonyms.get(i.indicator)!] } : i,
    ),
    units: units.map((u) =>
      extraAliases.has(u.code) ? { ...u, aliases: [...(u.aliases ?? []), ...extraAliases.get(u.code)!] } : u,
    ),
  };
}
