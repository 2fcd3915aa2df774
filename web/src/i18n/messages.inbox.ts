/**
 * Strings of the inbox (消息) and of the warning and stale-data sections of the monitoring overview,
 * merged into messages.ts. Chinese first, every key also in English.
 */

export const inboxZh = {
  'nav.inbox': '消息',
  'nav.inboxUnread': '{n} 条未读消息',

  'inbox.heading': '消息',
  'inbox.intro': '新预警、报送截止临近、逾期未报和每日摘要。发给您本人，按时间倒序。',
  'inbox.unread': '未读 {n} 条',
  'inbox.onlyUnread': '只看未读',
  'inbox.markRead': '标为已读',
  'inbox.markAllRead': '全部标为已读',
  'inbox.read': '已读',
  'inbox.open': '查看',
  'inbox.due': '截止 {date}',
  'inbox.empty': '没有消息。',
  'inbox.emptyUnread': '没有未读消息。',
  'inbox.kind.new_warning': '新预警',
  'inbox.kind.deadline_approaching': '截止临近',
  'inbox.kind.report_overdue': '逾期未报',
  'inbox.kind.digest': '每日摘要',
  'inbox.kind.task_notice': '督办',
  'inbox.kind.task_escalation': '督办升级',

  'monitor.warnings.heading': '预警',
  'monitor.warnings.intro': '截至所选时点的红色、黄色预警，按责任单位列出原因，与上方计数、报告同源；已登记的预警注明自何时起。',
  'monitor.warnings.none': '截至所选时点，本规划没有红色、黄色预警。',
  'monitor.warnings.summary': '红色 {red} 项、黄色 {yellow} 项，涉及 {units} 个责任单位',
  'monitor.warnings.noUnit': '跨单位目标（板块、功能区等）',
  'monitor.warnings.since': '自 {period}（{date}）起',
  'monitor.warnings.peak': '曾达红色',

  'monitor.stale.heading': '数据更新',
  'monitor.stale.intro': '数据陈旧的目标：最近一期应报数据缺失或长期未更新，以及下一期由谁报送。',
  'monitor.stale.none': '没有数据陈旧的目标。',
  'monitor.stale.summary': '{total} 项目标中 {stale} 项数据陈旧',
  'monitor.stale.last': '最近更新',
  'monitor.stale.owes': '应报',
  'monitor.stale.nobody': '无报送任务',
  'monitor.stale.owesValue': '{unit}：{form} {period}，{date} 前',
};

export const inboxEn: Record<keyof typeof inboxZh, string> = {
  'nav.inbox': 'Inbox',
  'nav.inboxUnread': '{n} unread notifications',

  'inbox.heading': 'Inbox',
  'inbox.intro': 'New warnings, approaching deadlines, overdue reports and daily digests sent to you, newest first.',
  'inbox.unread': '{n} unread',
  'inbox.onlyUnread': 'Unread only',
  'inbox.markRead': 'Mark read',
  'inbox.markAllRead': 'Mark all read',
  'inbox.read': 'Read',
  'inbox.open': 'Open',
  'inbox.due': 'due {date}',
  'inbox.empty': 'No notifications.',
  'inbox.emptyUnread': 'No unread notifications.',
  'inbox.kind.new_warning': 'New warning',
  'inbox.kind.deadline_approaching': 'Deadline approaching',
  'inbox.kind.report_overdue': 'Report overdue',
  'inbox.kind.digest': 'Daily digest',
  'inbox.kind.task_notice': 'Supervision notice',
  'inbox.kind.task_escalation': 'Notice escalated',

  'monitor.warnings.heading': 'Warnings',
  'monitor.warnings.intro':
    'Red and yellow warnings as of the chosen period by responsible unit, with reasons; the same count as the panel above and the reports, and since when for recorded warnings.',
  'monitor.warnings.none': 'No red or yellow warnings as of the chosen period.',
  'monitor.warnings.summary': '{red} red and {yellow} yellow, across {units} responsible units',
  'monitor.warnings.noUnit': 'Targets of several units (blocs, zone groups)',
  'monitor.warnings.since': 'since {period} ({date})',
  'monitor.warnings.peak': 'was red',

  'monitor.stale.heading': 'Data updates',
  'monitor.stale.intro':
    'Targets whose data is stale (the last period due is missing, or nothing recent), and who owes the next figure.',
  'monitor.stale.none': 'No target has stale data.',
  'monitor.stale.summary': '{stale} of {total} targets have stale data',
  'monitor.stale.last': 'Last update',
  'monitor.stale.owes': 'Owed',
  'monitor.stale.nobody': 'No reporting duty',
  'monitor.stale.owesValue': '{unit}: {form} {period}, by {date}',
};
