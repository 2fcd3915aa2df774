import { apiRequest } from '../api/client.ts';
import type { ProjectDetail, Stage } from './projectTypes.ts';

/** The fields the project form sends (POST /projects, PUT /projects/:id); amounts are decimal strings in 万元. */
export interface ProjectFieldsInput {
  name: string;
  industry: string | null;
  chain: string | null;
  totalInvestment: string;
  description: string | null;
  stages: { stage: Stage; plannedOn: string | null }[];
}

export const projectsApi = {
  chains: (signal?: AbortSignal) =>
    apiRequest<{ code: string; name: string; nameEn: string }[]>('GET', '/projects/chains', { signal }),
  create: (body: ProjectFieldsInput & { zone: string }) => apiRequest<ProjectDetail>('POST', '/projects', { body }),
  /** `version` is the one the form was opened with: the server answers 409 if someone changed the project meanwhile. */
  update: (id: number, body: ProjectFieldsInput & { version: number; reason?: string }) =>
    apiRequest<ProjectDetail>('PUT', `/projects/${encodeURIComponent(String(id))}`, { body }),
};
