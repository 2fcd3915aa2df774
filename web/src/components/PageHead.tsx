import type { ReactNode } from 'react';

/** A page's title (the h1 its section is labelled by) and, where it has one, the line that introduces it. */
export function PageHead({ id, title, intro }: { id?: string; title: ReactNode; intro?: ReactNode }) {
  return (
    <header className="page-head">
      <h1 id={id}>{title}</h1>
      {intro !== undefined && <p className="page-intro">{intro}</p>}
    </header>
  );
}
