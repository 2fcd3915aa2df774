import type { Me } from '../api/types.ts';
import { Loading } from '../components/Status.tsx';
import { href } from '../router.ts';
import { homeKind } from './homeKind.ts';
import { LeaderHome } from './LeaderHome.tsx';
import { PlannerHome } from './PlannerHome.tsx';

/**
 * Where #/ sends reporters and reviewers: the pages they work in, 填报 (what is due) and 审核队列.
 * SignedInApp navigates there itself: its route listener is set up before any child's effect runs,
 * so a child navigating on mount would go unheard.
 */
export function homeRedirect(me: Me): string | null {
  const kind = homeKind(me);
  if (kind === 'reporter') return href('reporting');
  if (kind === 'reviewer') return href('reporting', 'review');
  return null;
}

/** The page after signing in (#/): the leader's summary or the plan manager's plans. */
export function HomePage({ me }: { me: Me }) {
  const kind = homeKind(me);
  if (kind === 'leader') return <LeaderHome />;
  if (kind === 'planner') return <PlannerHome />;
  return <Loading />;
}
