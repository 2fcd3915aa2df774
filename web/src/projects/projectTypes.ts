/**
 * Shapes of the projects API, inferred from the server's presenters (src/presenters/project.presenter.ts);
 * amounts are decimal strings in 万元.
 */
export { STAGES, type Stage } from '../../../src/domain/projects/stages.ts';
export type {
  AgreementOut as Agreement,
  BoardsOut as Boards,
  ProjectDetailOut as ProjectDetail,
  ProjectOut as Project,
  ZoneAttributionOut as ZoneAttribution,
} from '../../../src/presenters/project.presenter.ts';
import type { ProjectOut } from '../../../src/presenters/project.presenter.ts';

export type UnitRef = ProjectOut['zone'];
