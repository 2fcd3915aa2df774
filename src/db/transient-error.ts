/**
 * Errors that mean "the database was not there for a moment" (a restart, a failover, a dropped
 * connection) rather than "the request was wrong": worth answering 503 and, for requests that
 * change nothing, trying again.
 */
const TRANSIENT_SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '25006', // read_only_sql_transaction: the node was demoted to a standby under us
]);
const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
// node-postgres reports a dropped connection with these messages and no code.
const TRANSIENT_MESSAGES = [
  'Connection terminated',
  'connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'no writable PostgreSQL server',
];

export function isTransientDatabaseError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SOCKET_CODES.has(code))) return true;
  if (TRANSIENT_MESSAGES.some((m) => err.message.includes(m))) return true;
  // AggregateError from connecting to several addresses of one host name.
  if (err instanceof AggregateError) return err.errors.some(isTransientDatabaseError);
  return false;
}
