import type {
  ApiErrorBody,
  Indicator,
  ListResponse,
  OrgGroup,
  OrgUnit,
  OrgUnitDetail,
  Plan,
  PlanSection,
  PlanSource,
  Target,
  Task,
} from './types.ts';

const BASE = '/api/v1';
/** Largest page the API serves. */
export const MAX_LIMIT = 1000;

/** An error reported by the API ({ error: { code, message, messageZh } }) or by the network. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;

  constructor(status: number, code: string, message: string, messageZh: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null && 'message' in e;
}

type Query = Record<string, string | number | undefined | null>;

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), { headers: { Accept: 'application/json' }, signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', 'The server could not be reached.', '无法连接服务器。');
  }
  let body: unknown = null;
  const text = await res.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!res.ok) {
    if (isErrorBody(body)) {
      const { code, message, messageZh } = body.error;
      throw new ApiError(res.status, code, message, messageZh || message);
    }
    throw new ApiError(
      res.status,
      `HTTP_${res.status}`,
      `Request failed (HTTP ${res.status}).`,
      `请求失败（HTTP ${res.status}）。`,
    );
  }
  if (body === null) {
    throw new ApiError(res.status, 'BAD_RESPONSE', 'The server sent an unreadable response.', '服务器返回的数据无法解析。');
  }
  return body as T;
}

/** Fetches every page of a list endpoint. */
async function getAll<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let offset = 0;
  for (;;) {
    const page = await getJson<ListResponse<T>>(path, { ...query, limit: MAX_LIMIT, offset }, signal);
    items.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return items;
  }
}

/** Session cache for data that does not change while the page is open (sources, catalogues). */
const cache = new Map<string, Promise<unknown>>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const p = load();
  cache.set(key, p);
  p.catch(() => cache.delete(key));
  return p;
}

export interface TargetQuery {
  plan?: string;
  section?: string;
  indicator?: string;
  orgUnit?: string;
  group?: string;
  q?: string;
}

export interface TaskQuery {
  plan?: string;
  section?: string;
  orgUnit?: string;
  role?: 'lead' | 'co';
}

export const api = {
  plans: (signal?: AbortSignal) => getAll<Plan>('/plans', {}, signal),
  plan: (id: string, signal?: AbortSignal) => getJson<Plan>(`/plans/${encodeURIComponent(id)}`, undefined, signal),
  sections: (planId: string, signal?: AbortSignal) =>
    getAll<PlanSection>(`/plans/${encodeURIComponent(planId)}/sections`, {}, signal),
  /** Normalised plan text; cached for the session (it can be large). */
  source: (planId: string) =>
    cached(`source:${planId}`, () => getJson<PlanSource>(`/plans/${encodeURIComponent(planId)}/source`)),
  targets: (query: TargetQuery, signal?: AbortSignal) => getAll<Target>('/targets', { ...query }, signal),
  tasks: (query: TaskQuery, signal?: AbortSignal) => getAll<Task>('/tasks', { ...query }, signal),
  orgUnits: () => cached('org-units', () => getAll<OrgUnit>('/org-units')),
  orgUnit: (code: string, signal?: AbortSignal) =>
    getJson<OrgUnitDetail>(`/org-units/${encodeURIComponent(code)}`, undefined, signal),
  groups: () => cached('groups', () => getAll<OrgGroup>('/groups')),
  indicators: () => cached('indicators', () => getAll<Indicator>('/indicators')),
};
