import { apiRequest } from '../api/client.ts';
import type { ProjectCreateBody, ProjectUpdateBody } from '../../../src/presenters/project-body.schema.ts';
import type { ProjectDetail } from './projectTypes.ts';

/** The fields the project form sends (POST /projects, PUT /projects/:id), typed from the routes' body schemas. */
export type ProjectFieldsInput = Omit<ProjectCreateBody, 'zone' | 'stage'>;

export const projectsApi = {
  chains: (signal?: AbortSignal) =>
    apiRequest<{ code: string; name: string; nameEn: string }[]>('GET', '/projects/chains', { signal }),
  create: (body: ProjectCreateBody) => apiRequest<ProjectDetail>('POST', '/projects', { body }),
  /** `version` is the one the form was opened with: the server answers 409 if someone changed the project meanwhile. */
  update: (id: number, body: ProjectUpdateBody) =>
    apiRequest<ProjectDetail>('PUT', `/projects/${encodeURIComponent(String(id))}`, { body }),
};
