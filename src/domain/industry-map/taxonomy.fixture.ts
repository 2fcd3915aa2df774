import { chainTaxonomySchema, type ChainTaxonomy } from './chain-taxonomy.schema.ts';

/** A small taxonomy in the shape of dataset/industry-map/chains.yaml, for unit tests. */
export function fixtureTaxonomy(): ChainTaxonomy {
  const src = (quote: string) => ({ plan: 'p', section: 's', quote });
  return chainTaxonomySchema.parse({
    industries: [
      { code: 'new_materials', name: '新材料产业', nameEn: 'New materials', aliases: ['新材料'], source: src('a') },
      { code: 'biomedicine', name: '生物医药产业', nameEn: 'Biomedicine', aliases: ['生物医药'], source: src('b') },
      { code: 'green_food', name: '绿色食品加工产业', nameEn: 'Green food', aliases: ['绿色食品加工'], source: src('c') },
    ],
    chains: [
      {
        code: 'green_silicon',
        industry: 'new_materials',
        name: '绿色硅',
        nameEn: 'Si',
        aliases: ['绿色硅产业'],
        source: src('d'),
      },
      {
        code: 'green_aluminium',
        industry: 'new_materials',
        name: '绿色铝',
        nameEn: 'Al',
        aliases: ['绿色铝产业'],
        source: src('e'),
      },
      { code: 'tcm', industry: 'biomedicine', name: '现代中药', nameEn: 'TCM', aliases: ['现代中药产业'], source: src('f') },
      {
        code: 'nuts',
        industry: 'green_food',
        name: '坚果（核桃）加工',
        nameEn: 'Nuts',
        aliases: ['坚果（核桃）加工业'],
        source: src('g'),
      },
    ],
  });
}
