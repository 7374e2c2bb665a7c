import type { ReactNode } from 'react';

interface Props {
  /** The heading's id, which names the section for assistive tech. */
  id: string;
  title: string;
  /** A quiet "(3 people)" after the title. */
  count?: string;
  className: string;
  children: ReactNode;
}

/** A titled part of a page (a person's ties, a community's members…). */
export function PageSection({ id, title, count, className, children }: Props) {
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id} className="person-section__title">
        {title}
        {count !== undefined && (
          <>
            {' '}
            <span className="muted">({count})</span>
          </>
        )}
      </h2>
      {children}
    </section>
  );
}
