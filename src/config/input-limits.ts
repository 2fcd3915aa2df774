/**
 * Bounds on what an uploaded file may make the server do. Every limit is an environment variable
 * (src/config/env.ts, README Configuration) and is stated in docs/security.md (Input limits).
 */
export interface InputLimits {
  /** Bytes a zip upload (.xlsx, .docx) may inflate to, all entries together. */
  maxInflatedBytes: number;
  /** Rows of a spreadsheet upload (all sheets together, blank rows included). */
  maxRows: number;
  /** Columns of any one row. */
  maxColumns: number;
  /** Non-empty cells of a spreadsheet upload. */
  maxCells: number;
  /** Aliases (*ref) a YAML plan file may use. */
  maxYamlAliases: number;
  /** Nesting depth of a YAML or JSON plan file. */
  maxYamlDepth: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxInflatedBytes: 256 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 1_000,
  maxCells: 2_000_000,
  maxYamlAliases: 100,
  maxYamlDepth: 64,
};
