import type { DemoAnchor, DemoUnit } from './demo-input.ts';

const PREFECTURES = ['KM', 'QJ', 'YX', 'BS', 'ZT', 'LJ', 'PE', 'LC', 'CX', 'HH', 'WS', 'XSBN', 'DL', 'DH', 'NJ', 'DQ'];

/** A province like the dataset's: 16 prefectures, 30 development zones, the FTZ and its 3 areas, a bonded zone. */
export const units: DemoUnit[] = [
  { code: 'YN', kind: 'province', parent: null },
  ...PREFECTURES.map((p) => ({ code: `YN-${p}`, kind: 'prefecture', parent: 'YN' })),
  { code: 'YN-FTZ', kind: 'ftz', parent: 'YN' },
  { code: 'FTZ-KM', kind: 'ftz_area', parent: 'YN-FTZ', areaKm2: '76' },
  { code: 'FTZ-HH', kind: 'ftz_area', parent: 'YN-FTZ', areaKm2: '14.12' },
  { code: 'FTZ-DH', kind: 'ftz_area', parent: 'YN-FTZ', areaKm2: '29.74' },
  { code: 'ZN-KM-BONDED', kind: 'bonded_zone', parent: 'YN-KM', zoneLevel: 'national', areaKm2: '1.01' },
  { code: 'ZN-KM-HIGHTECH', kind: 'development_zone', parent: 'YN-KM', zoneLevel: 'national' },
  { code: 'ZN-KM-ETDZ', kind: 'development_zone', parent: 'YN-KM', zoneLevel: 'national' },
  ...Array.from({ length: 28 }, (_, k) => ({
    code: `ZN-T${String(k + 1).padStart(2, '0')}`,
    kind: 'development_zone',
    parent: `YN-${PREFECTURES[k % 16]}`,
    zoneLevel: k < 8 ? 'national' : 'provincial',
  })),
];

const level = (
  orgUnit: string,
  indicator: string,
  year: number,
  value: string,
  firmness: DemoAnchor['firmness'],
): DemoAnchor => ({
  orgUnit,
  indicator,
  year,
  kind: 'level',
  firmness,
  value,
});

/** The plans' figures the forms' indicators have: FTZ 2020 results and 2025 goals, the bonded zone's 2021 results and path, … */
export const anchors: DemoAnchor[] = [
  ...(
    [
      ['TRADE_TOTAL', '717.9', '2675.78'],
      ['FDI_ACTUAL', '3.69', '13.7'],
      ['GENERAL_PUBLIC_BUDGET_REVENUE', '94.93', '190.94'],
      ['FAI', '522.05', '1376.59'],
      ['NEW_ENTERPRISES', '17874', '59053'],
    ] as const
  ).flatMap(([i, base, goal]) => [level('YN-FTZ', i, 2020, base, 'stated'), level('YN-FTZ', i, 2025, goal, 'target')]),
  level('YN-FTZ', 'NEW_FOREIGN_ENTERPRISES', 2025, '276', 'target'),
  level('YN-FTZ', 'REFORM_TASKS_DONE', 2021, '96', 'stated'),
  level('YN-FTZ', 'REFORM_TASKS_DONE', 2022, '106', 'target'),
  level('YN-FTZ', 'REFORM_TASKS_DONE', 2025, '106', 'target'),
  level('YN-FTZ', 'FIRST_IN_COUNTRY_INNOVATIONS', 2021, '39', 'target'),
  level('ZN-KM-BONDED', 'TRADE_TOTAL', 2020, '11.1986', 'stated'),
  level('ZN-KM-BONDED', 'TRADE_TOTAL', 2021, '77.33', 'stated'),
  level('ZN-KM-BONDED', 'TRADE_TOTAL', 2022, '115', 'target'),
  level('ZN-KM-BONDED', 'TRADE_TOTAL', 2023, '126', 'target'),
  level('ZN-KM-BONDED', 'TRADE_TOTAL', 2024, '145', 'target'),
  level('ZN-KM-BONDED', 'TRADE_TOTAL', 2025, '160', 'target'),
  level('ZN-KM-BONDED', 'TRADE_TOTAL', 2025, '110', 'target'),
  level('ZN-KM-BONDED', 'EXPORT_TOTAL', 2021, '41.72', 'stated'),
  level('ZN-KM-BONDED', 'BONDED_LOGISTICS_TRADE_VALUE', 2021, '62.66', 'stated'),
  level('ZN-KM-BONDED', 'PROCESSING_TRADE_VALUE', 2021, '1.9095', 'stated'),
  level('ZN-KM-BONDED', 'CBEC_TRADE_VALUE', 2021, '12.7', 'stated'),
  level('ZN-KM-BONDED', 'CBEC_ORDERS', 2021, '1390', 'stated'),
  level('ZN-KM-BONDED', 'NEW_REGISTERED_CAPITAL', 2021, '13.8', 'stated'),
  level('ZN-KM-BONDED', 'REGISTERED_ENTERPRISES', 2020, '167', 'target'),
  { orgUnit: 'ZN-KM-BONDED', indicator: 'TRADE_TOTAL', year: 2025, kind: 'growth', firmness: 'target', value: '10' },
  level('ZN-KM-HIGHTECH', 'REVENUE', 2025, '5000', 'target'),
  level('ZN-KM-ETDZ', 'REVENUE', 2025, '5000', 'target'),
  ...units
    .filter((u) => u.kind === 'development_zone')
    .flatMap((u): DemoAnchor[] => [
      { orgUnit: u.code, indicator: 'REVENUE', year: 2025, kind: 'growth', firmness: 'target', value: '15' },
      level(u.code, 'REVENUE_PER_MU', 2025, u.zoneLevel === 'national' ? '600' : '400', 'target'),
    ]),
  level('YN-KM', 'GDP', 2025, '10000', 'target'),
  level('YN-KM', 'RESIDENT_POPULATION', 2025, '1000', 'target'),
  level('YN', 'GDP', 2020, '24500', 'stated'),
  level('YN', 'RURAL_DISPOSABLE_INCOME', 2020, '12842', 'stated'),
  level('YN-NJ', 'RURAL_DISPOSABLE_INCOME', 2020, '7810', 'stated'),
];
