import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Repositories accept either the root handle or a transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;
