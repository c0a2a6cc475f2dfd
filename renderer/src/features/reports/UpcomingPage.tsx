/** A module of the app that a later release delivers: says plainly what it will do. */
export function UpcomingPage({ title, items }: { title: string; items: string[] }) {
  return (
    <section className="page">
      <header className="page-head">
        <h1>{title}</h1>
      </header>
      <div className="card upcoming">
        <p className="muted">本模块尚未开放，将在后续版本中提供以下功能：</p>
        <ul>
          {items.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
