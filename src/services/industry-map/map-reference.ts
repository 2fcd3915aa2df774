import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DATASET_DIR } from '../../dataset/dataset-path.ts';
import { loadIndustryChains } from '../../dataset/load-industry-chains.ts';
import type { ChainTaxonomy } from '../../domain/industry-map/chain-taxonomy.schema.ts';
import { indexLabels, type LabelIndex } from '../../domain/industry-map/classify-industries.ts';
import { palette, type Palette } from '../../domain/industry-map/marker-style.ts';
import {
  decodePrefectures,
  type CompressedFeatureCollection,
  type Prefecture,
} from '../../domain/industry-map/prefecture-geometry.ts';
import { formatDefinitionError } from '../../domain/plan-definition/definition-error.ts';

/**
 * What the industry map draws on, read once per process: the chain taxonomy shipped in dataset/ and the
 * prefecture outlines of the very file the web app renders (dataset/geo/yunnan.json), so marker
 * positions computed here fall inside the shapes drawn there.
 */
export interface MapReference {
  taxonomy: ChainTaxonomy;
  labels: LabelIndex;
  colours: Palette;
  /** By the prefecture's name in the geometry (= its org-unit name, e.g. 红河哈尼族彝族自治州). */
  prefectures: ReadonlyMap<string, Prefecture>;
}

const YUNNAN_GEOJSON = path.join(DATASET_DIR, 'geo', 'yunnan.json');

let cached: Promise<MapReference> | null = null;

async function load(): Promise<MapReference> {
  const loaded = await loadIndustryChains(DATASET_DIR);
  if (loaded.taxonomy === null) throw new Error(`industry chains: ${loaded.errors.map(formatDefinitionError).join('; ')}`);
  const geo = JSON.parse(await readFile(YUNNAN_GEOJSON, 'utf8')) as CompressedFeatureCollection;
  return {
    taxonomy: loaded.taxonomy,
    labels: indexLabels(loaded.taxonomy),
    colours: palette(loaded.taxonomy),
    prefectures: new Map(decodePrefectures(geo).map((p) => [p.name, p])),
  };
}

export function mapReference(): Promise<MapReference> {
  cached ??= load().catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}
