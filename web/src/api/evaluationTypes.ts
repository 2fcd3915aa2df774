/*
 * Types of the evaluation API (/api/v1/evaluation): the responses are inferred from the server's
 * schemas (src/presenters/evaluation.presenter.ts), the scheme definition the editor sends from the
 * domain's schema (src/domain/evaluation/stored-scheme.schema.ts); nothing is written here a second
 * time. Raw indicator values stay decimal strings; computed scores, weights, normalised values and
 * probabilities travel as numbers (float64 by design).
 */
import type {
  RunView as RunViewResponse,
  SchemeVersionView as SchemeVersionResponse,
} from '../../../src/presenters/evaluation.presenter.ts';
import type { StoredSchemeInput } from '../../../src/domain/evaluation/stored-scheme.schema.ts';
import type { NORMALISATION_METHODS as METHODS } from '../../../src/domain/evaluation/scheme.schema.ts';

export type {
  GradeHistory,
  SchemeSummary,
  RunSummary,
  SupervisionResult,
  UnitResultView,
  WeightsResult,
} from '../../../src/presenters/evaluation.presenter.ts';

export type NormalisationMethod = (typeof METHODS)[number];
/** The methods in the order the editor offers them (every method of the domain's schema). */
export const NORMALISATION_METHODS = [
  'minmax',
  'target',
  'zscore',
  'rank',
  'bands',
] as const satisfies readonly NormalisationMethod[];

/**
 * The stored scheme definition as the editor writes it (the domain's input form). Fields a newer
 * server may add are kept as they are when the editor saves.
 */
export type SchemeDefinition = StoredSchemeInput & { [extra: string]: unknown };
export type SchemeIndicatorDef = SchemeDefinition['indicators'][number];
/** As the editor writes it: a target normalisation's baseline may be left out (the server defaults it). */
export type Normalisation = NonNullable<SchemeIndicatorDef['normalisation']>;
export type VetoDef = NonNullable<SchemeDefinition['vetoes']>[number];
export type AdjustmentDef = NonNullable<SchemeDefinition['adjustments']>[number];
export type GradeBandDef = SchemeDefinition['grades'][number];
export type ComparisonGroupDef = NonNullable<SchemeDefinition['groups']>[number];
export type Aggregation = NonNullable<SchemeDefinition['aggregation']>;

/** The server types the stored definition loosely (a record); the web reads it as the editor's form. */
export type SchemeVersionView = Omit<SchemeVersionResponse, 'definition'> & { definition: SchemeDefinition };
export type SchemeStatus = SchemeVersionResponse['status'];
export type RunView = RunViewResponse;
export type RunStatus = RunView['status'];
export type ContributionView = RunView['units'][number]['contributions'][number];
export type UnitSensitivityView = NonNullable<RunView['units'][number]['sensitivity']>;
export type SourceRef = RunView['sources'][number];
export type Direction = RunView['indicators'][number]['direction'];
