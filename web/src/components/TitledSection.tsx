import type { ComponentProps, ReactNode } from 'react';

/**
 * A section of a page under its own h2, labelled by it for screen readers. Any other attribute
 * (data-testid, data-*) goes on the section.
 */
export function TitledSection({
  id,
  title,
  className,
  children,
  ...rest
}: Omit<ComponentProps<'section'>, 'title' | 'id'> & { id: string; title: ReactNode }) {
  return (
    <section className={className} aria-labelledby={id} {...rest}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}
