/**
 * Strings of the review screen's own catalogue and candidate actions (issue 17 item 5): creating an
 * org unit or group, re-scoping after the default scope changes, adding and splitting candidates.
 * Merged into messages.ts. Chinese first, every key also in English.
 */

export const ingestReviewZh = {
  'ingest.newScope.title': '新建组织单位或分组',
  'ingest.newScope.open': '目录中没有？新建单位或分组',
  'ingest.newScope.openNamed': '新建“{name}”',
  'ingest.newScope.what': '新建',
  'ingest.newScope.name': '名称',
  'ingest.newScope.kind': '类别',
  'ingest.newScope.parent': '上级单位',
  'ingest.newScope.noParent': '无（顶层单位，如外省）',
  'ingest.newScope.members': '成员单位（可多选）',
  'ingest.newScope.code': '代码',
  'ingest.newScope.codeAuto': '留空则自动生成',
  'ingest.newScope.save': '新建并选用',
  'ingest.newScope.busy': '正在新建…',
  'ingest.newScope.nameRequired': '请填写名称',
  'ingest.newScope.membersRequired': '请至少选择一个成员单位',
  'ingest.newScope.created': '已新建“{name}”（{code}）并选用。',

  'ingest.rescope.offer': '默认适用范围已由“{from}”改为“{to}”。另有 {n} 条目标仍指定为“{from}”。',
  'ingest.rescope.apply': '全部改用“{to}”',
  'ingest.rescope.dismiss': '保留原范围',
  'ingest.rescope.done': '已将 {n} 条目标改用默认适用范围“{to}”。',

  'ingest.add.heading': '补充遗漏的目标或任务',
  'ingest.add.hint': '在左侧原文中选中一句话（或粘贴原文），再点击添加；添加的条目引用这段原文。',
  'ingest.add.passage': '原文',
  'ingest.add.target': '添加为目标',
  'ingest.add.task': '添加为任务',
  'ingest.add.notFound': '原文中找不到这段文字，请从左侧原文中选中或复制。',
  'ingest.add.empty': '请先选中或粘贴一段原文。',
  'ingest.added.hand': '手工添加',
  'ingest.added.split': '拆分而来',
  'ingest.split': '拆分',
  'ingest.split.title': '一句话含两个目标时，拆出一条副本单独编辑',
  'ingest.remove': '删除本条',
};

export const ingestReviewEn: Record<keyof typeof ingestReviewZh, string> = {
  'ingest.newScope.title': 'New org unit or group',
  'ingest.newScope.open': 'Not in the catalogue? Create a unit or group',
  'ingest.newScope.openNamed': 'Create “{name}”',
  'ingest.newScope.what': 'Create',
  'ingest.newScope.name': 'Name',
  'ingest.newScope.kind': 'Kind',
  'ingest.newScope.parent': 'Parent unit',
  'ingest.newScope.noParent': 'None (top level, e.g. another province)',
  'ingest.newScope.members': 'Member units (choose several)',
  'ingest.newScope.code': 'Code',
  'ingest.newScope.codeAuto': 'made for you if left empty',
  'ingest.newScope.save': 'Create and use',
  'ingest.newScope.busy': 'Creating…',
  'ingest.newScope.nameRequired': 'Enter a name',
  'ingest.newScope.membersRequired': 'Choose at least one member unit',
  'ingest.newScope.created': 'Created “{name}” ({code}) and chose it.',

  'ingest.rescope.offer': 'The default scope changed from “{from}” to “{to}”. {n} targets still name “{from}”.',
  'ingest.rescope.apply': 'Move them all to “{to}”',
  'ingest.rescope.dismiss': 'Keep their scope',
  'ingest.rescope.done': '{n} targets now use the default scope “{to}”.',

  'ingest.add.heading': 'Add a target or task the extraction missed',
  'ingest.add.hint':
    'Select a sentence in the document on the left (or paste it), then add it; the new entry quotes that passage.',
  'ingest.add.passage': 'Passage',
  'ingest.add.target': 'Add as target',
  'ingest.add.task': 'Add as task',
  'ingest.add.notFound': 'This passage is not in the document: select or copy it from the document on the left.',
  'ingest.add.empty': 'Select or paste a passage first.',
  'ingest.added.hand': 'Added by hand',
  'ingest.added.split': 'Split off',
  'ingest.split': 'Split',
  'ingest.split.title': 'A sentence with two targets: make a copy to edit on its own',
  'ingest.remove': 'Remove',
};
