import path from 'node:path';
import { z } from 'zod';
import type { AttachmentConfig } from '../storage/attachment-store.ts';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './input-limits.ts';
import { parseConnectionUrl } from '../db/connection-url.ts';
import { PGLITE_TEMPLATE_FILE } from './pglite-template-path.ts';
import { PROJECT_ROOT } from './project-root.ts';

const limit = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * All configuration, read and validated once at start-up. No other file reads process.env.
 * Every key is documented in README.md (Configuration).
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /**
   * postgres://… runs on a PostgreSQL server; unset runs the embedded PGlite. Several hosts
   * (postgres://u@node1:5432,node2:5432/db) connect to whichever is the primary (docs/deployment.md).
   */
  DATABASE_URL: z
    .string()
    .refine((u) => parseConnectionUrl(u) !== null, 'a postgres:// or postgresql:// URL naming one or more hosts')
    .optional(),
  /**
   * Optional, with DATABASE_URL: where dashboard reads (progress, map, comparison, homes) go — the hot
   * standby, or every node (postgres://u@node1,node2/db): a standby is preferred, the primary serves when
   * none answers. Unset, every read goes to the primary (docs/deployment.md).
   */
  PLANTRACK_READ_DATABASE_URL: z
    .string()
    .refine((u) => parseConnectionUrl(u) !== null, 'a postgres:// or postgresql:// URL naming one or more hosts')
    .optional(),
  /** Where PGlite keeps its files; "memory://" keeps nothing. */
  PLANTRACK_DATA_DIR: z.string().default('./data'),
  /**
   * The template a new PGlite data directory starts from: the state `serve` would reach on an empty
   * one with the defaults (migrated, the five plans, demo accounts and figures), built by `npm run build`
   * (dist/pglite-template/) each month. Empty: every new directory is made from scratch. Not used when
   * PLANTRACK_SEED_ON_START or PLANTRACK_DEMO_DATA is false, and by `serve` only (a CLI command on a new directory
   * makes it from scratch, without demo figures).
   */
  PLANTRACK_PGLITE_TEMPLATE: z.string().default(path.join(PROJECT_ROOT, PGLITE_TEMPLATE_FILE)),
  /** Load the five curated plans on start when the database holds no plan. */
  PLANTRACK_SEED_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * Fill the reporting forms with synthetic demo figures (origin synthetic) on start. Unset: on with
   * the embedded PGlite, off on a PostgreSQL server.
   */
  PLANTRACK_DEMO_DATA: z.enum(['true', 'false']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Behind a TLS-terminating reverse proxy: trust its X-Forwarded-* headers (client address, https). */
  PLANTRACK_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Personal API token that CLI commands which write act with (plantrack user token). */
  PLANTRACK_TOKEN: z.string().optional(),
  /** Largest request body accepted, in bytes. */
  PLANTRACK_BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** Upload bounds (docs/security.md, Input limits): bytes a zip upload (.xlsx, .docx) may inflate to. */
  PLANTRACK_MAX_INFLATED_BYTES: limit(DEFAULT_INPUT_LIMITS.maxInflatedBytes),
  /** Rows of a spreadsheet upload, all sheets together. */
  PLANTRACK_MAX_ROWS: limit(DEFAULT_INPUT_LIMITS.maxRows),
  /** Columns of any one row of a spreadsheet upload. */
  PLANTRACK_MAX_COLUMNS: limit(DEFAULT_INPUT_LIMITS.maxColumns),
  /** Non-empty cells of a spreadsheet upload. */
  PLANTRACK_MAX_CELLS: limit(DEFAULT_INPUT_LIMITS.maxCells),
  /** Aliases a YAML plan file may expand to. */
  PLANTRACK_MAX_YAML_ALIASES: limit(DEFAULT_INPUT_LIMITS.maxYamlAliases),
  /** Nesting depth of a YAML/JSON plan file. */
  PLANTRACK_MAX_YAML_DEPTH: limit(DEFAULT_INPUT_LIMITS.maxYamlDepth),
  /** SMTP server for notification e-mail (smtp://user:pass@host:587 or smtps://…); unset = e-mail off. */
  PLANTRACK_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** Sender of notification e-mail. */
  PLANTRACK_MAIL_FROM: z.string().min(3).default('PlanTrack <plantrack@localhost>'),
  /** Hour of the day (0–23, server local time) at which the daily digest goes out. */
  PLANTRACK_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  /** Task attachments on disk (default <data dir>/attachments); ignored when PLANTRACK_S3_ENDPOINT is set. */
  PLANTRACK_ATTACHMENTS_DIR: z.string().optional(),
  /** Largest attachment accepted, bytes (default 20 MB). */
  PLANTRACK_ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  /** S3-compatible attachment storage (path-style URLs, SigV4); all of bucket and keys are then required. */
  PLANTRACK_S3_ENDPOINT: z.string().url().optional(),
  PLANTRACK_S3_BUCKET: z.string().min(1).optional(),
  PLANTRACK_S3_REGION: z.string().min(1).default('us-east-1'),
  PLANTRACK_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  PLANTRACK_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  PLANTRACK_S3_PREFIX: z.string().default(''),
  /**
   * Key that signs the audit chain's head (docs/security.md, Audit anchor). Unset: generated once and
   * kept in <data dir>/audit-head.key.
   */
  PLANTRACK_AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
});

export type AppConfig = {
  port: number;
  host: string;
  /** readUrl: where dashboard reads go (PLANTRACK_READ_DATABASE_URL); left out, to url. */
  database: { kind: 'postgres'; url: string; readUrl?: string } | { kind: 'pglite'; dataDir: string; template?: string };
  /**
   * `serve` only (never the CLI, whose commands prepare a database without demo figures, and whose
   * restore needs an empty one): the template a new PGlite data directory starts from.
   */
  pgliteTemplate?: string;
  seedOnStart: boolean;
  /** Load synthetic demo figures on start (once; see docs/dataset.md, Demo data). */
  demoData: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  bodyLimit: number;
  cliToken: string | undefined;
  trustProxy: boolean;
  /**
   * E-mail and the in-process scheduler (daily digest, warning refresh). Left out (as the test
   * server does), the scheduler does not run.
   */
  notifications?: { smtpUrl: string | null; mailFrom: string; digestHour: number };
  /** Upload bounds; left out (as the test server does), the documented defaults. */
  inputLimits?: InputLimits;
  /** Task attachments (src/storage); left out (as the test server does), a temporary disk store. */
  attachments?: AttachmentConfig;
  /**
   * The key that signs audit heads: given (PLANTRACK_AUDIT_KEY), or kept in keyFile, created on first
   * use. Left out (as the test server does), or with neither, a key for this process only.
   */
  audit?: { key: string | null; keyFile: string | null };
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration / 配置无效:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const s3Missing = e.PLANTRACK_S3_ENDPOINT
    ? (['PLANTRACK_S3_BUCKET', 'PLANTRACK_S3_ACCESS_KEY_ID', 'PLANTRACK_S3_SECRET_ACCESS_KEY'] as const).filter((k) => !e[k])
    : [];
  if (s3Missing.length)
    throw new ConfigError(
      `Invalid configuration / 配置无效:\n${s3Missing.map((k) => `  ${k}: required with PLANTRACK_S3_ENDPOINT`).join('\n')}`,
    );
  if (e.PLANTRACK_READ_DATABASE_URL && !e.DATABASE_URL)
    throw new ConfigError(
      'Invalid configuration / 配置无效:\n  PLANTRACK_READ_DATABASE_URL: requires DATABASE_URL (the embedded database has no standby) / 需同时设置 DATABASE_URL',
    );
  const demoData = e.PLANTRACK_DEMO_DATA === undefined ? !e.DATABASE_URL : e.PLANTRACK_DEMO_DATA === 'true';
  const dataDir = e.PLANTRACK_DATA_DIR.startsWith('memory://') ? e.PLANTRACK_DATA_DIR : path.resolve(e.PLANTRACK_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          ...(e.PLANTRACK_READ_DATABASE_URL ? { readUrl: e.PLANTRACK_READ_DATABASE_URL } : {}),
        }
      : { kind: 'pglite', dataDir },
    ...(!e.DATABASE_URL && e.PLANTRACK_SEED_ON_START && demoData && e.PLANTRACK_PGLITE_TEMPLATE
      ? { pgliteTemplate: e.PLANTRACK_PGLITE_TEMPLATE }
      : {}),
    seedOnStart: e.PLANTRACK_SEED_ON_START,
    demoData,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.PLANTRACK_BODY_LIMIT,
    cliToken: e.PLANTRACK_TOKEN,
    audit: {
      key: e.PLANTRACK_AUDIT_KEY ?? null,
      keyFile: dataDir.startsWith('memory://') ? null : path.join(dataDir, 'audit-head.key'),
    },
    trustProxy: e.PLANTRACK_TRUST_PROXY,
    notifications: {
      smtpUrl: e.PLANTRACK_SMTP_URL ?? null,
      mailFrom: e.PLANTRACK_MAIL_FROM,
      digestHour: e.PLANTRACK_DIGEST_HOUR,
    },
    inputLimits: {
      maxInflatedBytes: e.PLANTRACK_MAX_INFLATED_BYTES,
      maxRows: e.PLANTRACK_MAX_ROWS,
      maxColumns: e.PLANTRACK_MAX_COLUMNS,
      maxCells: e.PLANTRACK_MAX_CELLS,
      maxYamlAliases: e.PLANTRACK_MAX_YAML_ALIASES,
      maxYamlDepth: e.PLANTRACK_MAX_YAML_DEPTH,
    },
    attachments: {
      maxBytes: e.PLANTRACK_ATTACHMENT_MAX_BYTES,
      store: e.PLANTRACK_S3_ENDPOINT
        ? {
            kind: 's3',
            endpoint: e.PLANTRACK_S3_ENDPOINT,
            bucket: e.PLANTRACK_S3_BUCKET!,
            region: e.PLANTRACK_S3_REGION,
            accessKeyId: e.PLANTRACK_S3_ACCESS_KEY_ID!,
            secretAccessKey: e.PLANTRACK_S3_SECRET_ACCESS_KEY!,
            prefix: e.PLANTRACK_S3_PREFIX,
          }
        : {
            kind: 'disk',
            dir: e.PLANTRACK_ATTACHMENTS_DIR
              ? path.resolve(e.PLANTRACK_ATTACHMENTS_DIR)
              : dataDir.startsWith('memory://')
                ? path.resolve('./data/attachments')
                : path.join(dataDir, 'attachments'),
          },
    },
  };
}
