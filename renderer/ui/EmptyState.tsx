import type { ReactNode } from 'react';

interface Props {
  title: string;
  children?: ReactNode;
  /** Buttons or links offering the next step. */
  actions?: ReactNode;
  icon?: ReactNode;
}

export function EmptyState({ title, children, actions, icon }: Props) {
  return (
    <section className="empty-state" aria-label={title}>
      {icon && <div className="empty-state__icon">{icon}</div>}
      <h2 className="empty-state__title">{title}</h2>
      {children && <div className="empty-state__body">{children}</div>}
      {actions && <div className="empty-state__actions">{actions}</div>}
    </section>
  );
}
