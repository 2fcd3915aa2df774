/** One problem in a plan definition, located precisely enough for a person to fix it. */
export interface DefinitionError {
  file?: string;
  /** For .xlsx input: the sheet and 1-based row. */
  sheet?: string;
  row?: number;
  /** Dotted path into the definition (targets.3.indicator) or the column name. */
  field: string;
  message: string;
  messageZh: string;
}

export function formatDefinitionError(e: DefinitionError): string {
  const where = [e.file, e.sheet && `sheet ${e.sheet}`, e.row !== undefined && `row ${e.row}`, e.field]
    .filter(Boolean)
    .join(' · ');
  return `${where}: ${e.messageZh} / ${e.message}`;
}
