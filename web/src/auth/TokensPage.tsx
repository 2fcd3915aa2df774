import { useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { useAction } from '../api/useAction.ts';
import type { ApiToken, TokenScope } from '../api/types.ts';
import { useAsync } from '../api/useAsync.ts';
import { DataTable } from '../components/DataTable.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

const EXPIRY_CHOICES = ['30', '90', '365', 'never'] as const;
type Expiry = (typeof EXPIRY_CHOICES)[number];

function ActionError({ error }: { error: unknown }) {
  const { t } = useI18n();
  return <ErrorMessage error={error} title={t('tokens.actionFailed')} />;
}

/** The new token's secret, shown once, with a copy button and a warning. */
function SecretBox({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useI18n();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const inputRef = useRef<HTMLInputElement>(null);
  const secretId = useId();

  const copySecret = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      inputRef.current?.select();
      setCopy('failed');
    }
  };

  return (
    <section className="secret-box" data-testid="token-secret-box" aria-labelledby={`${secretId}-h`}>
      <h2 id={`${secretId}-h`} className="secret-heading">
        {t('tokens.secretHeading', { name })}
      </h2>
      <p className="secret-warning" role="alert">
        {t('tokens.secretWarning')}
      </p>
      <div className="secret-row">
        <label htmlFor={secretId} className="visually-hidden">
          {t('tokens.secretLabel')}
        </label>
        <input
          id={secretId}
          ref={inputRef}
          className="input secret-value"
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="token-secret"
        />
        <button type="button" className="btn btn-primary" onClick={() => void copySecret()} data-testid="token-copy">
          {copy === 'copied' ? t('tokens.copied') : t('tokens.copy')}
        </button>
      </div>
      {copy === 'failed' && <p className="muted secret-hint">{t('tokens.copyFailed')}</p>}
      <button type="button" className="btn" onClick={onDone} data-testid="token-secret-done">
        {t('tokens.done')}
      </button>
    </section>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (name: string, secret: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [access, setAccess] = useState<'read' | 'readWrite'>('read');
  const [expiry, setExpiry] = useState<Expiry>('90');
  const { busy: pending, error, run } = useAction();
  const nameId = useId();
  const expiryId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || pending) return;
    await run(async () => {
      const scopes: TokenScope[] = access === 'read' ? ['read'] : ['read', 'write'];
      const created = await api.createToken({
        name: trimmed,
        scopes,
        ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }),
      });
      setName('');
      onCreated(trimmed, created.secret);
    });
  };

  return (
    <form className="panel token-form" onSubmit={(e) => void submit(e)} data-testid="token-form">
      <h2 className="panel-title">{t('tokens.create')}</h2>
      <div className="form-grid">
        <div className="form-field">
          <label htmlFor={nameId}>{t('tokens.name')}</label>
          <input
            id={nameId}
            className="input"
            required
            maxLength={100}
            placeholder={t('tokens.namePlaceholder')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="token-name"
          />
        </div>
        <fieldset className="form-field form-fieldset">
          <legend>{t('tokens.access')}</legend>
          <div className="radio-row">
            {(['read', 'readWrite'] as const).map((a) => (
              <label key={a} className="radio">
                <input
                  type="radio"
                  name="token-access"
                  value={a}
                  checked={access === a}
                  onChange={() => setAccess(a)}
                  data-testid={`token-access-${a}`}
                />
                {t(a === 'read' ? 'tokens.access.read' : 'tokens.access.readWrite')}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-field">
          <label htmlFor={expiryId}>{t('tokens.expires')}</label>
          <select
            id={expiryId}
            className="input"
            value={expiry}
            onChange={(e) => setExpiry(e.target.value as Expiry)}
            data-testid="token-expiry"
          >
            {EXPIRY_CHOICES.map((x) => (
              <option key={x} value={x}>
                {t(`tokens.expires.${x}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field form-actions">
          <button type="submit" className="btn btn-primary" disabled={pending || !name.trim()} data-testid="token-create">
            {pending ? t('tokens.creating') : t('tokens.submit')}
          </button>
        </div>
      </div>
      {error !== null && <ActionError error={error} />}
    </form>
  );
}

function TokenRow({ token, onRevoked }: { token: ApiToken; onRevoked: (token: ApiToken) => void }) {
  const { t, label, dateTime } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const revoke = async () => {
    setPending(true);
    setError(null);
    try {
      await api.revokeToken(token.id);
      onRevoked(token);
    } catch (err) {
      setError(err);
      setPending(false);
    }
  };

  return (
    <tr className={token.revoked ? 'is-revoked' : undefined} data-testid="token-row" data-token-id={token.id}>
      <td className="name-zh">{token.name}</td>
      <td>
        <ul className="chip-list">
          {token.scopes.map((s) => (
            <li key={s} className="chip">
              {label('scope', s)}
            </li>
          ))}
        </ul>
      </td>
      <td className="nowrap">
        <time dateTime={token.createdAt}>{dateTime(token.createdAt)}</time>
      </td>
      <td className="nowrap">
        {token.lastUsedAt ? (
          <time dateTime={token.lastUsedAt}>{dateTime(token.lastUsedAt)}</time>
        ) : (
          <span className="muted">{t('tokens.neverUsed')}</span>
        )}
      </td>
      <td>
        <span className={`badge ${token.revoked ? 'badge-revoked' : 'badge-active'}`} data-testid="token-status">
          {token.revoked ? t('tokens.revoked') : t('tokens.active')}
        </span>
      </td>
      <td className="token-actions">
        {!token.revoked &&
          (confirming ? (
            <span className="confirm-inline">
              <span className="muted">{t('tokens.revokeQuestion')}</span>
              <button
                type="button"
                className="btn btn-small btn-danger"
                disabled={pending}
                onClick={() => void revoke()}
                data-testid="token-revoke-confirm"
              >
                {t('tokens.revokeConfirm')}
              </button>
              <button type="button" className="btn btn-small" disabled={pending} onClick={() => setConfirming(false)}>
                {t('tokens.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => setConfirming(true)} data-testid="token-revoke">
              {t('tokens.revoke')}
            </button>
          ))}
        {error !== null && <ActionError error={error} />}
      </td>
    </tr>
  );
}

export function TokensPage() {
  const { t, count } = useI18n();
  const [version, setVersion] = useState(0);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const state = useAsync((signal) => api.tokens(signal), [version]);
  const reload = () => setVersion((v) => v + 1);

  return (
    <section className="page tokens-page" aria-labelledby="tokens-heading">
      <PageHead id="tokens-heading" title={t('tokens.heading')} intro={t('tokens.intro')} />

      {created ? (
        <SecretBox name={created.name} secret={created.secret} onDone={() => setCreated(null)} />
      ) : (
        <CreateTokenForm
          onCreated={(name, secret) => {
            setNotice(null);
            setCreated({ name, secret });
            reload();
          }}
        />
      )}

      <section className="list-section" aria-labelledby="tokens-list-heading">
        <h2 id="tokens-list-heading" className="section-title">
          {t('tokens.list')}
          {state.status === 'ok' && <span className="count-pill">{count(state.data.length)}</span>}
        </h2>
        {notice && (
          <p className="status status-ok" role="status" data-testid="token-notice">
            {notice}
          </p>
        )}
        {state.status === 'loading' && <Loading />}
        {state.status === 'error' && <ErrorMessage error={state.error} onRetry={reload} />}
        {state.status === 'ok' &&
          (state.data.length === 0 ? (
            <Empty>{t('tokens.empty')}</Empty>
          ) : (
            <DataTable
              className="data-table tokens-table"
              testId="token-table"
              columns={[
                'tokens.colName',
                'tokens.colScopes',
                'tokens.colCreated',
                'tokens.colLastUsed',
                'tokens.colStatus',
                'tokens.colActions',
              ]}
            >
              {sortTokens(state.data).map((tok) => (
                <TokenRow
                  key={tok.id}
                  token={tok}
                  onRevoked={(x) => {
                    setNotice(t('tokens.revokedNotice', { name: x.name }));
                    reload();
                  }}
                />
              ))}
            </DataTable>
          ))}
      </section>
    </section>
  );
}

/** Active tokens first, newest first within each group. */
function sortTokens(tokens: readonly ApiToken[]): ApiToken[] {
  return [...tokens].sort(
    (a, b) => Number(a.revoked) - Number(b.revoked) || b.createdAt.localeCompare(a.createdAt) || b.id - a.id,
  );
}
