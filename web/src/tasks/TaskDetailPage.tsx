import { useState } from 'react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { href } from '../router.ts';
import { StatusBadges } from './StatusBadge.tsx';
import { ActionForm, FilesField, InputField, TextAreaField, uploadAll } from './TaskActionForm.tsx';
import { tasksApi } from './tasksApi.ts';
import type { Attachment, Notice, TaskDetail } from './taskTypes.ts';

function Files({ files }: { files: Attachment[] }) {
  const { num } = useI18n();
  if (files.length === 0) return null;
  return (
    <ul className="task-files">
      {files.map((f) => (
        <li key={f.id}>
          <a href={f.url} download={f.name} data-testid="attachment-link">
            {f.name}
          </a>{' '}
          <span className="muted small">{num(String(Math.ceil(f.size / 1024)))} KB</span>
        </li>
      ))}
    </ul>
  );
}

function UpdateForm({ d, plan, taskKey, done }: { d: TaskDetail; plan: string; taskKey: string; done: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [percent, setPercent] = useState(String(d.task.percent ?? 0));
  const [files, setFiles] = useState<FileList | null>(null);
  const [ms, setMs] = useState<number[]>([]);
  const open = d.milestones.filter((m) => !m.doneAt);
  return (
    <ActionForm
      title={t('tasks.detail.postUpdate')}
      testId="update-form"
      submit={async () => {
        const attachments = await uploadAll(files);
        await tasksApi.postUpdate(plan, taskKey, {
          orgUnit: d.can.update[0],
          text,
          percent: Number(percent),
          attachments,
          milestonesDone: ms,
        });
        setText('');
        done();
      }}
    >
      <TextAreaField label={t('tasks.detail.text')} testId="update-text" value={text} onChange={setText} />
      <label className="form-field">
        {t('tasks.detail.percent')}
        <input
          className="input"
          type="number"
          min={0}
          max={100}
          step={1}
          required
          data-testid="update-percent"
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
        />
      </label>
      <FilesField testId="update-file" onChange={setFiles} />
      {open.length > 0 && (
        <fieldset className="form-fieldset">
          <legend>{t('tasks.detail.milestonesDone')}</legend>
          {open.map((m) => (
            <label key={m.id} className="form-check">
              <input
                type="checkbox"
                checked={ms.includes(m.id)}
                onChange={(e) => setMs(e.target.checked ? [...ms, m.id] : ms.filter((x) => x !== m.id))}
              />
              {m.title}
            </label>
          ))}
        </fieldset>
      )}
    </ActionForm>
  );
}
function NoticeItem({ n, canReply, canClose, done }: { n: Notice; canReply: boolean; canClose: boolean; done: () => void }) {
  const { t, label, lang } = useI18n();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<FileList | null>(null);
  const [closeError, setCloseError] = useState<unknown>(null);
  return (
    <li className={`card task-notice task-notice-${n.status}`} data-testid="notice" data-status={n.status}>
      <div className="badges">
        <span className="badge" data-testid="notice-status">
          {label('tasks.notice', n.status)}
        </span>
        {n.level > 1 && <span className="badge task-status-lagging">{t('tasks.detail.level', { n: n.level })}</span>}
        <strong>{n.orgUnit.name}</strong>
      </div>
      <p>{n.body}</p>
      <p className="muted small">
        {t('tasks.detail.issued', { by: n.issuedBy ?? '—', at: formatDateTime(n.issuedAt, lang), date: n.replyBy })}
      </p>
      {n.reply && (
        <blockquote className="task-reply" data-testid="notice-reply">
          <p>{n.reply.text}</p>
          <Files files={n.reply.attachments} />
          <p className="muted small">
            {t('tasks.detail.replied', { by: n.reply.by ?? '—', at: formatDateTime(n.reply.at, lang) })}
          </p>
        </blockquote>
      )}
      {canClose && n.status !== 'closed' && (
        <button
          type="button"
          className="btn btn-small"
          data-testid="notice-close"
          onClick={() => {
            setCloseError(null);
            tasksApi.closeNotice(n.id).then(done, setCloseError);
          }}
        >
          {t('tasks.detail.closeNotice')}
        </button>
      )}
      {closeError !== null && <ErrorMessage error={closeError} />}
      {canReply && (
        <ActionForm
          title={t('tasks.detail.reply')}
          testId="reply-form"
          submit={async () => {
            await tasksApi.reply(n.id, { text, attachments: await uploadAll(files) });
            done();
          }}
        >
          <TextAreaField label={t('tasks.detail.replyText')} testId="reply-text" value={text} onChange={setText} />
          <FilesField testId="reply-file" onChange={setFiles} />
        </ActionForm>
      )}
    </li>
  );
}

function ManageForms({ d, plan, taskKey, done }: { d: TaskDetail; plan: string; taskKey: string; done: () => void }) {
  const { t } = useI18n();
  const units = [...d.task.lead, ...d.task.co];
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [unit, setUnit] = useState(units[0]?.code ?? '');
  const [notice, setNotice] = useState('');
  const [replyBy, setReplyBy] = useState('');
  const [reason, setReason] = useState('');
  return (
    <div className="task-manage">
      <ActionForm
        title={t('tasks.detail.issueNotice')}
        testId="notice-form"
        submit={async () => {
          await tasksApi.issueNotice(plan, taskKey, { orgUnit: unit, text: notice, replyBy });
          setNotice('');
          done();
        }}
      >
        <label className="form-field">
          {t('tasks.detail.noticeUnit')}
          <select className="input" data-testid="notice-unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <TextAreaField label={t('tasks.detail.noticeText')} testId="notice-text" value={notice} onChange={setNotice} />
        <InputField
          label={t('tasks.detail.replyBy')}
          type="date"
          testId="notice-reply-by"
          value={replyBy}
          onChange={setReplyBy}
        />
      </ActionForm>
      <ActionForm
        title={t('tasks.detail.addMilestone')}
        testId="milestone-form"
        submit={async () => {
          await tasksApi.addMilestone(plan, taskKey, { title, dueOn, version: d.task.version });
          setTitle('');
          done();
        }}
      >
        <InputField label={t('tasks.detail.milestoneTitle')} testId="milestone-title" value={title} onChange={setTitle} />
        <InputField label={t('tasks.detail.milestoneDue')} type="date" testId="milestone-due" value={dueOn} onChange={setDueOn} />
      </ActionForm>
      {!d.task.closed && (
        <ActionForm
          title={t('tasks.detail.close')}
          testId="close-form"
          submit={async () => {
            await tasksApi.close(plan, taskKey, { reason, version: d.task.version });
            done();
          }}
        >
          <InputField label={t('tasks.detail.closeReason')} testId="close-reason" value={reason} onChange={setReason} />
        </ActionForm>
      )}
    </div>
  );
}

/** #/tasks/<plan>/<key>: the task with its plan section and quote, units, milestones, progress and notices. */
/** The plan named by its title (its id is a code, not for the Chinese page); the id only while loading in English. */
function PlanTitle({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const plan = useAsync((signal) => api.plan(id, signal), [id]);
  if (plan.status !== 'ok') return <>{lang === 'en' ? id : t('tasks.detail.plan')}</>;
  return <>{lang === 'en' ? (plan.data.titleEn ?? plan.data.title) : plan.data.title}</>;
}

export function TaskDetailPage({ plan, taskKey }: { plan: string; taskKey: string }) {
  const { t, date, lang } = useI18n();
  const [reload, setReload] = useState(0);
  const state = useAsync((signal) => tasksApi.detail(plan, taskKey, signal), [plan, taskKey, reload]);
  const done = () => setReload((n) => n + 1);
  if (state.status === 'loading' && reload === 0) return <Loading />;
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  if (state.status !== 'ok') return <Loading />;
  const d = state.data;
  const task = d.task;
  const names = (units: { name: string }[], free: string[]) => (
    <>
      {units.map((u) => u.name).join('、')}
      {free.length > 0 && (
        <span className="task-unmatched" title={t('tasks.detail.unmatched')}>
          {units.length ? '、' : ''}
          {free.join('、')} {t('tasks.detail.unmatched')}
        </span>
      )}
    </>
  );
  return (
    <article className="task-detail" data-testid="task-detail" data-status={task.status}>
      <p>
        <a href={href('tasks')}>← {t('tasks.detail.back')}</a>
      </p>
      <div className="page-head">
        <p className="muted small">
          <a href={href('plans', task.planId, { section: task.section?.key })}>
            <PlanTitle id={task.planId} />
          </a>
          {task.section ? ` · ${task.section.heading}` : ''}
          {lang === 'en' ? ` · ${task.key}` : ''}
        </p>
        <h1 className="task-detail-title">{task.text}</h1>
        <StatusBadges task={task} />
        {task.closed && (
          <p className="status status-ok" data-testid="task-closed">
            {t('tasks.detail.closed', { at: formatDateTime(task.closed.at, lang), reason: task.closed.reason })}
          </p>
        )}
      </div>
      <dl className="task-facts">
        <dt>{t('tasks.detail.lead')}</dt>
        <dd data-testid="task-lead">{names(task.lead, task.leadUnmatched)}</dd>
        <dt>{t('tasks.detail.co')}</dt>
        <dd data-testid="task-co">{names(task.co, task.coUnmatched)}</dd>
        <dt>{t('tasks.deadline')}</dt>
        <dd>
          {task.deadline ?? t('tasks.noDeadline')}
          {task.deadlineOn ? ` (${date(task.deadlineOn)})` : ''}
        </dd>
        {task.responsibleText && (
          <>
            <dt>{t('tasks.detail.responsible')}</dt>
            <dd className="small">{task.responsibleText}</dd>
          </>
        )}
      </dl>
      <blockquote className="quote task-quote" data-testid="task-quote">
        <span className="muted small">
          {t('tasks.detail.source')}
          {task.source.section ? ` · ${task.source.section}` : ''}
        </span>
        <p>{task.source.quote}</p>
      </blockquote>

      <div className="task-columns">
        <section>
          <h2>{t('tasks.detail.milestones')}</h2>
          {d.milestones.length === 0 ? (
            <p className="muted">{t('tasks.detail.noMilestones')}</p>
          ) : (
            <ul className="task-milestones" data-testid="milestones">
              {d.milestones.map((m) => (
                <li key={m.id} className={m.overdue ? 'task-milestone-overdue' : undefined}>
                  {m.doneAt ? '✓' : m.overdue ? '!' : '○'} {m.title}{' '}
                  <span className="muted small">
                    {t('tasks.detail.due', { date: date(m.dueOn) })}
                    {m.doneAt ? ` · ${t('tasks.detail.done')}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h2>{t('tasks.detail.timeline')}</h2>
          {d.timeline.length === 0 ? (
            <p className="muted">{t('tasks.detail.noTimeline')}</p>
          ) : (
            <ol className="task-timeline" data-testid="timeline">
              {d.timeline.map((e) => (
                <li key={`${e.kind}-${e.id}`} className={`task-entry task-entry-${e.kind}`} data-testid="timeline-entry">
                  <div className="badges">
                    <span className="badge">{t(e.kind === 'update' ? 'tasks.detail.update' : 'tasks.detail.contribution')}</span>
                    <strong>{e.orgUnit.name}</strong>
                    {e.percent !== null && <span className="badge badge-sub">{t('tasks.percent', { n: e.percent })}</span>}
                    <span className="muted small">
                      {e.author ?? ''} · {formatDateTime(e.at, lang)}
                    </span>
                  </div>
                  <p>{e.text}</p>
                  <Files files={e.attachments} />
                </li>
              ))}
            </ol>
          )}
          {d.can.update.length > 0 && <UpdateForm d={d} plan={plan} taskKey={taskKey} done={done} />}
          {d.can.contribute.length > 0 && (
            <ContributionForm plan={plan} taskKey={taskKey} orgUnit={d.can.contribute[0]!} done={done} />
          )}
        </section>
        <section>
          <h2>{t('tasks.detail.notices')}</h2>
          {d.notices.length === 0 ? (
            <p className="muted">{t('tasks.detail.noNotices')}</p>
          ) : (
            <ul className="card-list" data-testid="notices">
              {d.notices.map((n) => (
                <NoticeItem key={n.id} n={n} canReply={d.can.reply.includes(n.id)} canClose={d.can.manage} done={done} />
              ))}
            </ul>
          )}
          {d.can.manage && <ManageForms d={d} plan={plan} taskKey={taskKey} done={done} />}
        </section>
      </div>
    </article>
  );
}

function ContributionForm({
  plan,
  taskKey,
  orgUnit,
  done,
}: {
  plan: string;
  taskKey: string;
  orgUnit: string;
  done: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<FileList | null>(null);
  return (
    <ActionForm
      title={t('tasks.detail.postContribution')}
      testId="contribution-form"
      submit={async () => {
        await tasksApi.postContribution(plan, taskKey, { orgUnit, text, attachments: await uploadAll(files) });
        setText('');
        done();
      }}
    >
      <TextAreaField label={t('tasks.detail.text')} value={text} onChange={setText} />
      <FilesField onChange={setFiles} />
    </ActionForm>
  );
}
