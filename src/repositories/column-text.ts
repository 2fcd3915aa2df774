import { sql, type RawBuilder } from 'kysely';

/**
 * A column of many rows sent as one text and split by PostgreSQL (`string_to_array(text, ',', '')`):
 * node-postgres escapes an array parameter element by element, and at a month of corrections for
 * every unit (166,000 rows, up to 13 columns) that cost more than the statement it fed. The values
 * must hold no comma (ids, decimals, codes, period labels, ISO times); null travels as ''. A lone ''
 * splits to no element at all: these columns feed a multi-argument unnest, which pads with nulls.
 */
export function columnText<T>(rows: readonly T[], value: (row: T) => string | number | boolean | null | undefined): string {
  let out = '';
  for (let i = 0; i < rows.length; i++) {
    const v = value(rows[i]!);
    out += (i ? ',' : '') + (v === null || v === undefined ? '' : String(v));
  }
  return out;
}

/** The SQL array of a column sent by columnText, cast to `type` (e.g. 'int', 'numeric', 'bool', 'text'). */
export function columnArray<T>(
  rows: readonly T[],
  type: 'int' | 'numeric' | 'bool' | 'text' | 'timestamptz',
  value: (row: T) => string | number | boolean | null | undefined,
): RawBuilder<unknown> {
  return sql`string_to_array(${columnText(rows, value)}, ',', '')::${sql.raw(type)}[]`;
}
