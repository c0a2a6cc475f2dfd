// The header row of a plain table (a slide's, a report preview's): each column's title, aligned as
// its cells are.

export function TableHead({ columns }: { columns: { title: string; align?: 'left' | 'center' | 'right' }[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c.title} style={{ textAlign: c.align ?? 'left' }}>
            {c.title}
          </th>
        ))}
      </tr>
    </thead>
  );
}
