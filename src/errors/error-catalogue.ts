/**
 * Every machine code the server can send in `{ error: { code, message, messageZh } }`, with the one HTTP
 * status it goes with and a default message in English and Chinese. `AppError` takes a code from here and
 * derives the status, so a call site cannot pair a code with another status; call sites pass their own
 * messages when they can name the row, field or reason. The web imports `ErrorCode` (a type only), so a
 * mistyped code fails its typecheck. Pure data: no imports, safe for the web and the CLI.
 */
export const ERROR_CATALOGUE = {
  // Request shape and transport (src/http/app.ts, src/http/input)
  BAD_REQUEST: { status: 400, en: 'bad request', zh: '请求无效' },
  INVALID_REQUEST: { status: 400, en: 'the request is not valid', zh: '请求参数无效' },
  INVALID_TEXT: { status: 400, en: 'a field contains text that is not well-formed Unicode', zh: '字段含有无效的 Unicode 文本' },
  TOO_DEEP: { status: 400, en: 'a field is nested too deeply', zh: '字段嵌套层级过深' },
  EMPTY_UPLOAD: { status: 400, en: 'send the file as the request body', zh: '请在请求正文中上传文件' },
  BODY_TOO_LARGE: { status: 413, en: 'request body too large', zh: '请求内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, en: 'unsupported content type', zh: '不支持的内容类型' },
  RATE_LIMITED: { status: 429, en: 'too many requests; slow down', zh: '请求过于频繁，请稍后再试' },
  NOT_FOUND: { status: 404, en: 'not found', zh: '未找到' },
  INTERNAL: { status: 500, en: 'internal error', zh: '服务器内部错误' },
  DATABASE_UNAVAILABLE: {
    status: 503,
    en: 'the database is briefly unavailable (restart or failover); try again in a few seconds',
    zh: '数据库暂时不可用（重启或主备切换），请几秒后重试',
  },

  // Sign-in, tokens and access (src/services/auth.service.ts, src/http/auth)
  UNAUTHENTICATED: { status: 401, en: 'sign in first', zh: '请先登录' },
  BAD_CREDENTIALS: { status: 401, en: 'wrong user name or password', zh: '用户名或密码错误' },
  INVALID_TOKEN: { status: 401, en: 'the API token is invalid, expired or revoked', zh: 'API 令牌无效、已过期或已撤销' },
  ACCOUNT_LOCKED: {
    status: 429,
    en: 'too many failed sign-ins with this user name',
    zh: '该用户名连续登录失败次数过多，已临时锁定',
  },
  FORBIDDEN: { status: 403, en: 'you may not do this here', zh: '无权执行此操作或超出您的管辖范围' },
  TOKEN_READ_ONLY: { status: 403, en: 'this API token may only read', zh: '该 API 令牌只有读取权限' },
  CSRF: { status: 403, en: 'missing or wrong CSRF token', zh: 'CSRF 校验失败' },

  // Users and accounts
  INVALID_ROLE: { status: 400, en: 'invalid role', zh: '角色无效' },
  WEAK_PASSWORD: { status: 400, en: 'the password does not meet the rules', zh: '密码不符合要求' },
  USER_EXISTS: { status: 409, en: 'the user already exists', zh: '用户已存在' },
  NO_USER: { status: 400, en: 'tokens belong to a user', zh: '令牌必须属于某个用户' },
  DEMO_REFUSED: { status: 400, en: 'demo accounts are only seeded on the embedded database', zh: '演示账号只在内嵌数据库中创建' },
  INVALID_EMAIL: { status: 422, en: 'not an e-mail address', zh: '不是有效的邮箱地址' },

  // Any write guarded by a version number
  VERSION_CONFLICT: { status: 409, en: 'someone else changed this meanwhile; reload', zh: '已被他人修改，请刷新后重试' },
  // In-place corrections of published targets and plan withdrawal (issue 17 item 5)
  INVALID_REVISION: { status: 422, en: 'the correction is not valid', zh: '修订内容有误' },
  PLAN_WITHDRAWN: { status: 409, en: 'the plan is withdrawn', zh: '该规划已撤回' },
  PLAN_NOT_WITHDRAWN: { status: 409, en: 'the plan is not withdrawn', zh: '该规划未撤回' },

  // Org units and groups
  UNKNOWN_ORG_UNIT: { status: 400, en: 'unknown org unit', zh: '未知组织单位' },
  ALIAS_TAKEN: { status: 409, en: 'this name already names another unit', zh: '该名称已是其他单位的名称或别名' },
  CODE_TAKEN: { status: 409, en: 'this code is already in use', zh: '该代码已被使用' },
  NAME_TAKEN: { status: 409, en: 'this name is already in use here', zh: '此处已有同名条目' },
  ALIAS_NOT_FOUND: { status: 404, en: 'no such alias of this unit', zh: '该单位没有此别名' },
  MAPPING_TAKEN: {
    status: 409,
    en: 'this name is already recognised or mapped on this form',
    zh: '该名称在本报表中已可识别或已设对应关系',
  },
  MAPPING_NOT_FOUND: { status: 404, en: 'no such mapping on this form', zh: '本报表没有此对应关系' },
  UNKNOWN_GROUP: { status: 400, en: 'unknown group', zh: '未知分组' },
  INVALID_ASSIGNMENT_FILE: { status: 400, en: 'the group assignment file has problems', zh: '分组调整文件有问题' },
  REASON_REQUIRED: { status: 422, en: 'a reason is required', zh: '请填写理由' },

  // Uploaded files (spreadsheets, documents, zip containers)
  UNSUPPORTED_FILE: {
    status: 415,
    en: 'the file is neither an .xlsx workbook nor a CSV file',
    zh: '文件不是 .xlsx 工作簿或 CSV 文件',
  },
  NOT_XLSX: { status: 422, en: 'the file is not an .xlsx workbook', zh: '文件不是 .xlsx 工作簿' },
  UNREADABLE_CSV: { status: 422, en: 'the CSV file cannot be read', zh: 'CSV 文件格式错误' },
  UNREADABLE_XLSX: { status: 422, en: 'the workbook cannot be read', zh: '工作簿无法读取' },
  UNREADABLE_ZIP: { status: 422, en: 'not a readable .xlsx/.docx (zip) file', zh: '不是可读取的 .xlsx/.docx（zip）文件' },
  UNREADABLE_DOCUMENT: {
    status: 422,
    en: 'the document cannot be read',
    zh: '无法读取文件（支持 .txt、.docx 和带文字层的 .pdf）',
  },
  XLSX_CELL_WITHOUT_REFERENCE: {
    status: 422,
    en: 'the sheet has cells without a reference; open and save the file in Excel or WPS',
    zh: '工作表中有缺少引用的单元格，请用 Excel 或 WPS 打开另存后再上传',
  },
  INVALID_FILE_TEXT: {
    status: 422,
    en: 'the file contains a NUL character or an unpaired UTF-16 surrogate',
    zh: '文件含有空字符（NUL）或不成对的 UTF-16 代理字符',
  },
  EMPTY_DOCUMENT: {
    status: 422,
    en: 'the document has no text (a scanned PDF?)',
    zh: '文件中没有可读取的文字（可能是扫描版 PDF）',
  },
  INFLATED_TOO_LARGE: { status: 413, en: 'the file unpacks to too many bytes; split the file', zh: '文件解压后过大，请拆分文件' },
  TOO_MANY_ROWS: { status: 413, en: 'the file has too many rows; split the file', zh: '文件行数超过上限，请拆分文件' },
  TOO_MANY_COLUMNS: { status: 413, en: 'the file has too many columns; split the file', zh: '文件列数超过上限，请拆分文件' },
  TOO_MANY_CELLS: {
    status: 413,
    en: 'the file has too many non-empty cells; split the file',
    zh: '文件非空单元格数超过上限，请拆分文件',
  },

  // Plans, catalogues and document ingestion
  INVALID_PLAN_FILE: { status: 422, en: 'the plan file has errors; nothing was written', zh: '规划文件有错误，未写入任何数据' },
  INVALID_REVIEW: { status: 400, en: 'the review is not valid', zh: '审阅结果无效' },
  CATALOGUE_CHANGE_FORBIDDEN: {
    status: 403,
    en: 'the file changes catalogue entries you may not change; nothing was written',
    zh: '文件中的目录变更超出您的权限，未写入任何数据',
  },

  // Reporting: forms, periods, submissions, imports
  INVALID_PERIOD: { status: 400, en: 'not a valid period', zh: '期间格式无效' },
  PERIOD_NOT_OPEN: { status: 422, en: 'the period is not open for this form', zh: '该期间不在填报期内' },
  NOT_A_REPORTER: { status: 422, en: 'the unit does not report this form', zh: '该单位不是此报表的填报单位' },
  NOT_ON_FORM: { status: 422, en: 'the indicator is not on this form', zh: '指标不在该报表中' },
  INVALID_RULES: { status: 422, en: 'the rules are not valid', zh: '校验规则无效' },
  LOCKED: { status: 409, en: 'submitted or approved; it cannot be edited', zh: '已提交或已审核锁定，不能修改' },
  SUBMISSION_INVALID: {
    status: 422,
    en: 'the submission cannot be submitted yet: fill the required figures, fix the errors and explain the warnings',
    zh: '暂不能提交：请填写必填指标、改正错误并对预警作出说明',
  },
  INVALID_TRANSITION: { status: 409, en: 'this step is not possible in the current status', zh: '当前状态下不能执行此操作' },
  COMMENT_REQUIRED: { status: 422, en: 'a comment is required', zh: '请填写意见' },
  IMPORT_REJECTED: { status: 422, en: 'the upload was rejected; nothing was written', zh: '导入被拒绝，未写入任何数据' },

  // Projects and transfers
  INVALID_PROJECT: { status: 400, en: 'the project is not valid', zh: '项目信息无效' },
  SAME_STAGE: { status: 422, en: 'the project is already at this stage', zh: '项目已处于该阶段' },
  INVALID_TRANSFER: { status: 400, en: 'the transfer agreement is not valid', zh: '流转协议无效' },
  TRANSFER_OVERLAP: { status: 409, en: 'another agreement already covers this period', zh: '已有流转协议覆盖此期间' },
  TRANSFER_ENDED: { status: 409, en: 'the agreement has already ended', zh: '流转协议已终止' },

  // Tasks, notices and attachments
  NOT_LEAD_UNIT: { status: 422, en: 'not a lead unit of this task', zh: '不是该任务的牵头单位' },
  NOT_CO_UNIT: { status: 422, en: 'not a co-operating unit of this task', zh: '不是该任务的配合单位' },
  NOT_TASK_UNIT: { status: 422, en: 'neither lead nor co-unit of this task', zh: '不是该任务的牵头或配合单位' },
  NO_ORG_UNIT: {
    status: 400,
    en: 'you belong to no org unit; name one with ?orgUnit=',
    zh: '您未归属任何组织单位，请用 ?orgUnit= 指定',
  },
  NO_TASK_HEADER: { status: 422, en: 'no sheet has the task list header row', zh: '未在任何工作表中找到任务清单表头' },
  UNMATCHED_UNITS: {
    status: 422,
    en: 'unit names match no org unit; nothing was written',
    zh: '单位名称未匹配到组织单位，未写入任何数据',
  },
  UNKNOWN_MILESTONE: { status: 422, en: 'the milestone is not of this task', zh: '里程碑不属于该任务' },
  TASK_CLOSED: { status: 409, en: 'the task is closed (已销号); nothing more can be posted', zh: '任务已销号，不能再提交' },
  EMPTY_TEXT: { status: 422, en: 'the text is empty', zh: '内容不能为空' },
  REPLY_BY_PAST: { status: 422, en: 'the reply date has already passed', zh: '回复期限已过' },
  NOTICE_NOT_OPEN: { status: 409, en: 'the notice takes no reply', zh: '督办单当前状态不能回复' },
  NOTICE_CLOSED: { status: 409, en: 'the notice is already closed', zh: '督办单已关闭' },
  ATTACHMENT_NOT_AVAILABLE: {
    status: 422,
    en: 'an attachment is unknown, not your upload, or already attached elsewhere',
    zh: '附件不存在、不是您上传的，或已用于其他记录',
  },
  ATTACHMENT_GONE: { status: 410, en: 'the file is missing from storage', zh: '附件文件已不在存储中' },
  EMPTY: { status: 422, en: 'the file is empty', zh: '文件为空' },
  TOO_LARGE: { status: 413, en: 'the file is too large', zh: '文件过大' },
  TYPE_NOT_ALLOWED: { status: 415, en: 'this kind of file may not be attached', zh: '不允许上传此类文件' },
  TYPE_MISMATCH: { status: 415, en: 'the file content does not match its name', zh: '文件内容与扩展名不符' },

  // Industry map
  UNKNOWN_CHAIN: { status: 400, en: 'the chain is not in the industry-chain taxonomy', zh: '产业链不在产业链分类中' },
  UNKNOWN_INDUSTRY: { status: 400, en: 'the industry is not in the industry-chain taxonomy', zh: '产业不在产业链分类中' },

  // Evaluation
  INVALID_SCHEME: { status: 400, en: 'the evaluation scheme is not valid', zh: '评价方案定义无效' },
  AHP_NOT_RECIPROCAL: { status: 400, en: 'the AHP matrix is not reciprocal', zh: '判断矩阵不满足互反性' },
  AHP_INCONSISTENT: { status: 400, en: 'the AHP matrix is not consistent enough', zh: '判断矩阵一致性检验未通过' },
  AHP_SIZE: { status: 400, en: 'the AHP matrix has the wrong size', zh: '判断矩阵的阶数不正确' },
  NOT_ENOUGH_DATA: { status: 400, en: 'not enough units with every indicator', zh: '指标齐全的单位不足' },
  SCHEME_CHANGED: {
    status: 409,
    en: 'the scheme was edited after the run; run it again',
    zh: '评价方案在本次评价后被修改，请重新评价',
  },
  ALREADY_PUBLISHED: { status: 409, en: 'the run is already published', zh: '评价结果已发布' },
  RUN_NOT_PUBLISHED: { status: 409, en: 'the run is not published yet', zh: '评价结果尚未发布' },
  NOT_SUPERVISABLE: {
    status: 409,
    en: 'the unit is neither graded lowest, vetoed nor below a plan floor',
    zh: '该单位未评为最低等级、未触发一票否决、也未低于规划底线',
  },
  NO_PLAN: { status: 409, en: 'the scheme cites no plan to hold the task', zh: '评价方案未关联规划' },
  ALREADY_SUPERVISED: { status: 409, en: 'the unit has a 督办 task from this run already', zh: '该单位已据本次评价督办' },

  // Backup and restore (CLI)
  BACKUP_FILE_UNWRITABLE: { status: 500, en: 'cannot write the backup file', zh: '无法写入备份文件' },
  BACKUP_FILE_UNREADABLE: { status: 400, en: 'cannot read the backup file', zh: '无法读取备份文件' },
  BACKUP_DAMAGED: { status: 400, en: 'not a PlanTrack backup, or a damaged one', zh: '不是 PlanTrack 备份文件或文件已损坏' },
  BACKUP_CHECKSUM_MISMATCH: { status: 400, en: 'the backup is damaged (checksum mismatch)', zh: '备份文件已损坏（校验和不符）' },
  BACKUP_UNSUPPORTED_VERSION: { status: 400, en: 'the backup format version is not supported', zh: '不支持该备份格式版本' },
  BACKUP_NEWER_SCHEMA: { status: 409, en: 'the backup comes from newer PlanTrack code', zh: '该备份来自更新版本的 PlanTrack' },
  BACKUP_SCHEMA_MISMATCH: { status: 409, en: 'the backup does not fit this database', zh: '备份与本数据库结构不符' },
  BACKUP_TARGET_NOT_EMPTY: { status: 409, en: 'restore needs an empty database', zh: '恢复需要空数据库' },
  BACKUP_FOREIGN_KEYS: {
    status: 422,
    en: 'rows without their referenced row; nothing was written',
    zh: '外键引用的记录不存在，未写入任何数据',
  },
  BACKUP_RESTORE_FAILED: { status: 422, en: 'restore failed; nothing was written', zh: '恢复失败，未写入任何数据' },
  BACKUP_VERIFY_FAILED: {
    status: 500,
    en: 'restore refused: rows read back differ from the backup',
    zh: '恢复被拒绝：回读数据与备份不符',
  },
} as const satisfies Record<string, { status: number; en: string; zh: string }>;

/** A code the server may send; the web's `ApiError.code` is typed with it. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Every code, for zod enums (the OpenAPI error schema) and tests. */
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as [ErrorCode, ...ErrorCode[]];

/** The HTTP status a code is sent with. */
export type ErrorStatus<C extends ErrorCode> = (typeof ERROR_CATALOGUE)[C]['status'];

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code);
}
