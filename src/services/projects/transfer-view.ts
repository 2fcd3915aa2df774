import type { SharedIndicator } from '../../domain/projects/transfer-shares.ts';
import type { AgreementOut } from '../../presenters/project.presenter.ts';
import type { TransferAgreementRow } from '../../repositories/transfer.repository.ts';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function presentAgreement(a: TransferAgreementRow): AgreementOut {
  return {
    id: a.id,
    project: { id: a.project_id, name: a.project_name, synthetic: a.synthetic },
    fromZone: { code: a.from_zone_code, name: a.from_zone_name },
    toZone: { code: a.to_zone_code, name: a.to_zone_name },
    shares: { from: a.from_share, to: a.to_share },
    indicatorShares: a.indicator_shares.map((s) => ({ indicator: s.indicator as SharedIndicator, from: s.from, to: s.to })),
    startMonth: a.start_month,
    endMonth: a.end_month,
    reference: a.reference,
    status: a.status,
    createdAt: iso(a.created_at),
    endedAt: a.ended_at ? iso(a.ended_at) : null,
    endReason: a.end_reason,
    version: a.version,
  };
}
