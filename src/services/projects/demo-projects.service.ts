import { Decimal } from 'decimal.js';
import type { Database } from '../../db/database.ts';
import { addMonths } from '../../domain/projects/months.ts';
import type { Stage } from '../../domain/projects/stages.ts';
import {
  deleteProjects,
  hasSyntheticProjects,
  syntheticProjectIds,
  upsertMonthFigures,
} from '../../repositories/project.repository.ts';
import { SYSTEM_ACTOR, type Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { todayIso } from '../reporting/form-context.ts';
import { insertProjectWithHistory } from './project.service.ts';
import { insertAgreementWithMove } from './transfer.service.ts';

/**
 * SYNTHETIC demo projects (模拟): a modest set in the parks plan's zones and chains so that the boards,
 * the map and the transfer panel have something to show. Every one is flagged `synthetic` and its
 * monthly figures carry origin 'synthetic'; none of it comes from a plan or a report. Loaded with the
 * demo figures (PLANTRACK_DEMO_DATA), once: nothing happens when a synthetic project exists.
 */
interface DemoProject {
  name: string;
  zone: string;
  chain: string;
  industry: string;
  total: string;
  stage: Stage;
  /** Planned dates per stage, and the actual dates of the stages reached. */
  planned: Partial<Record<Stage, string>>;
  actual: Partial<Record<Stage, string>>;
  /** Monthly investment (万元) from this month on while under construction / in production. */
  monthly?: { from: string; investment: string; output?: string; tax?: string };
}

const DEMO: DemoProject[] = [
  {
    name: '（模拟）绿色硅材料产业园一期',
    zone: 'ZN-QJ-ETDZ',
    chain: 'green_silicon',
    industry: '非金属矿物制品业',
    total: '850000',
    stage: 'reserve',
    planned: { reserve: '2025-03-31', signed: '2026-12-31' },
    actual: { planning: '2024-06-10', packaging: '2024-11-20', reserve: '2025-04-02' },
  },
  {
    name: '（模拟）再生铝及铝精深加工项目',
    zone: 'ZN-HH-MENGZI',
    chain: 'green_aluminium',
    industry: '有色金属冶炼和压延加工业',
    total: '320000',
    stage: 'construction',
    planned: { construction: '2024-05-31', production: '2026-06-30' },
    actual: {
      planning: '2023-03-01',
      packaging: '2023-07-15',
      reserve: '2023-10-08',
      signed: '2024-02-28',
      construction: '2024-06-18',
    },
    monthly: { from: '2024-07', investment: '2150.5' },
  },
  {
    name: '（模拟）生物制药研发生产基地',
    zone: 'ZN-KM-HIGHTECH',
    chain: 'biopharma',
    industry: '医药制造业',
    total: '180000',
    stage: 'signed',
    planned: { signed: '2025-06-30', construction: '2026-03-31' },
    actual: { planning: '2024-02-01', packaging: '2024-08-01', reserve: '2025-01-15', signed: '2025-07-08' },
  },
  {
    name: '（模拟）现代中药饮片及配方颗粒项目',
    zone: 'ZN-DL-ETDZ',
    chain: 'tcm',
    industry: '医药制造业',
    total: '56000',
    stage: 'planning',
    planned: { packaging: '2026-09-30' },
    actual: { planning: '2026-03-12' },
  },
  {
    name: '（模拟）电子信息制造产业园',
    zone: 'ZN-HH-MENGZI',
    chain: 'electronics_mfg',
    industry: '计算机、通信和其他电子设备制造业',
    total: '95000',
    stage: 'planning',
    // Planned to be packaged by early 2025 and still not: flagged stalled.
    planned: { packaging: '2025-01-31' },
    actual: { planning: '2024-05-20' },
  },
  {
    name: '（模拟）稀贵金属新材料项目',
    zone: 'ZN-KM-HIGHTECH',
    chain: 'precious_metals',
    industry: '有色金属冶炼和压延加工业',
    total: '120000',
    stage: 'production',
    planned: { production: '2024-12-31' },
    actual: {
      planning: '2021-09-01',
      packaging: '2022-01-10',
      reserve: '2022-04-01',
      signed: '2022-07-20',
      construction: '2022-10-01',
      production: '2024-12-18',
    },
    monthly: { from: '2023-01', investment: '1200', output: '3800', tax: '160' },
  },
  {
    name: '（模拟）精制茶加工及仓储物流项目',
    zone: 'ZN-XSBN-MOHAN',
    chain: 'tea',
    industry: '农副食品加工业',
    total: '30000',
    stage: 'packaging',
    planned: { packaging: '2025-10-31', reserve: '2026-12-31' },
    actual: { planning: '2025-04-01', packaging: '2025-11-05' },
  },
];

/** The transferred one: 新能源电池, agreed by the two zones, shares 40 % (origin) / 60 % (destination). */
const TRANSFERRED: DemoProject = {
  name: '（模拟）新能源电池正极材料项目',
  zone: 'ZN-KM-HIGHTECH',
  chain: 'new_energy_battery',
  industry: '电气机械和器材制造业',
  total: '460000',
  stage: 'construction',
  planned: { construction: '2024-12-31', production: '2027-06-30' },
  actual: {
    planning: '2023-05-01',
    packaging: '2023-09-01',
    reserve: '2024-01-10',
    signed: '2024-06-30',
    construction: '2024-12-20',
  },
  monthly: { from: '2025-01', investment: '3650.75', output: '0', tax: '12.5' },
};

export async function loadDemoProjects(
  database: Database,
  options: { today?: string; actor?: Actor } = {},
): Promise<{ loaded: boolean; projects: number }> {
  const actor = options.actor ?? SYSTEM_ACTOR;
  return database.db.transaction().execute(async (trx) => {
    if (await hasSyntheticProjects(trx)) return { loaded: false, projects: 0 };
    const thisMonth = (options.today ?? todayIso()).slice(0, 7);
    let n = 0;
    for (const p of [...DEMO, TRANSFERRED]) {
      const id = await insertProjectWithHistory(
        trx,
        actor,
        {
          name: p.name,
          zone: p.zone,
          chain: p.chain,
          industry: p.industry,
          totalInvestment: p.total,
          stage: p.stage,
          description: '模拟演示项目，非真实数据',
          stages: (Object.keys({ ...p.planned, ...p.actual }) as Stage[]).map((s) => ({
            stage: s,
            plannedOn: p.planned[s] ?? null,
            actualOn: p.actual[s] ?? null,
          })),
        },
        { synthetic: true },
      );
      n++;
      if (p.monthly) {
        const rows = [];
        // A gentle seasonal wave so the months are not all alike; amounts stay exact decimals.
        for (let m = p.monthly.from, i = 0; m < thisMonth; m = addMonths(m, 1), i++) {
          const f = new Decimal(1).plus(new Decimal((i % 6) - 2).dividedBy(20));
          const scale = (v: string | undefined) =>
            v === undefined ? null : new Decimal(v).times(f).toDecimalPlaces(4).toFixed();
          rows.push({
            project_id: id,
            month: m,
            investment: scale(p.monthly.investment),
            output: scale(p.monthly.output),
            tax: scale(p.monthly.tax),
            origin: 'synthetic' as const,
          });
        }
        await upsertMonthFigures(trx, rows);
      }
      if (p === TRANSFERRED)
        await insertAgreementWithMove(trx, actor, {
          project: id,
          toZone: 'ZN-QJ-ETDZ',
          shares: { from: '40', to: '60' },
          startMonth: '2025-01',
          endMonth: '2029-12',
          reference: '（模拟）昆明高新区与曲靖经开区项目跨区域流转及利益分成协议：统计数据原属地40%、流入地60%',
        });
    }
    return { loaded: true, projects: n };
  });
}

/** Removes the synthetic demo projects (their months, history and agreements go with them); returns how many. */
export async function clearDemoProjects(database: Database, actor: Actor = SYSTEM_ACTOR): Promise<{ projects: number }> {
  return database.db.transaction().execute(async (trx) => {
    const ids = await syntheticProjectIds(trx);
    if (ids.length === 0) return { projects: 0 };
    await deleteProjects(trx, ids);
    await recordAudit(trx, actor, {
      action: 'delete',
      entity: 'project',
      entityKey: 'synthetic',
      before: { projects: ids.length },
    });
    return { projects: ids.length };
  });
}
