/** A page the signed-in user may not use: its title, and a note saying which right it needs. */
export function NoRightsPage({ title, note, testId }: { title: string; note: string; testId: string }) {
  return (
    <section className="page">
      <header className="page-head">
        <h1>{title}</h1>
      </header>
      <p className="hint-box" data-testid={testId}>
        {note}
      </p>
    </section>
  );
}
