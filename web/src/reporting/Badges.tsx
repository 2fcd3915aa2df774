import type { SubmissionStatus, Timeliness } from '../api/reportingTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** 草稿 / 已提交 / 已退回 / 已通过; null = nothing entered yet (未填报). */
export function StatusBadge({ status }: { status: SubmissionStatus | null }) {
  const { label } = useI18n();
  const code = status ?? 'none';
  return (
    <span className={`badge badge-sub sub-${code}`} data-testid="submission-status" data-status={code}>
      {label('reporting.status', code)}
    </span>
  );
}

/** 按时报送 / 迟报 / 逾期未报 / 待报送 / 未到报送期. */
export function TimelinessBadge({ timeliness }: { timeliness: Timeliness }) {
  const { label } = useI18n();
  return (
    <span className={`badge badge-time time-${timeliness}`} data-testid="timeliness" data-timeliness={timeliness}>
      {label('reporting.timeliness', timeliness)}
    </span>
  );
}
