/** Order in which org-unit kinds are listed everywhere: the tree, pickers, profiles. */
export const ORG_KIND_ORDER: readonly string[] = [
  'province',
  'prefecture',
  'county',
  'department',
  'ftz',
  'ftz_area',
  'linkage_zone',
  'development_zone',
  'bonded_zone',
  'other',
];
