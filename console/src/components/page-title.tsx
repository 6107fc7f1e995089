import { Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';

/** The page's one h1, also the document title (what a screen reader announces on navigation). */
export function PageTitle({ children, text }: { children: ReactNode; text?: string }) {
  const title = text ?? (typeof children === 'string' ? children : undefined);
  useEffect(() => {
    if (title) document.title = `${title} · Jalin`;
  }, [title]);
  return (
    <Title order={1} size="h2" id="page-title" tabIndex={-1}>
      {children}
    </Title>
  );
}
