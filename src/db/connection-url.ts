/**
 * PostgreSQL connection strings with several hosts, as libpq writes them
 * (`postgres://user@node1:5432,node2:5432/db?target_session_attrs=read-write`). node-postgres takes
 * one host per connection string, so the list is split into one string per host, in order; the
 * primary is whichever of them accepts writes (see failover-pool.ts).
 */
export interface ParsedConnectionUrl {
  /** One single-host connection string per host, in the order written. */
  perHost: string[];
  /** Whether the caller asked for a writable session (libpq's target_session_attrs=read-write or primary). */
  readWrite: boolean;
}

const URL_PARTS = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)(\/[^?#]*)?(\?[^#]*)?$/;
// libpq parameters that node-postgres does not know; left in, pg would send them to the server as settings.
const LIBPQ_ONLY = new Set(['target_session_attrs', 'load_balance_hosts']);

export function parseConnectionUrl(url: string): ParsedConnectionUrl | null {
  const m = URL_PARTS.exec(url);
  if (!m) return null;
  const [, scheme, auth = '', hostList, path = '', query = ''] = m;
  const hosts = hostList!.split(',').filter((h) => h.length > 0);
  if (hosts.length === 0) return null;
  const params = new URLSearchParams(query.slice(1));
  const attrs = params.get('target_session_attrs');
  for (const key of LIBPQ_ONLY) params.delete(key);
  const rest = params.size > 0 ? `?${params.toString()}` : '';
  return {
    perHost: hosts.map((h) => `${scheme}${auth}${h}${path}${rest}`),
    readWrite: hosts.length > 1 || attrs === 'read-write' || attrs === 'primary',
  };
}
