import { Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

/**
 * The path whose title last took the focus: the page the app opened on keeps the browser's own
 * start, and a filter that rewrites the query (same path) or a title that re-renders never
 * takes the focus away from where the person is typing.
 */
let focusedPath = typeof location === 'undefined' ? '' : location.pathname;

/**
 * The page's one h1, also the document title (what a screen reader announces on navigation). After
 * an in-app navigation it takes the focus, as a page load would put it at the top: a keyboard or
 * screen-reader user starts on the new page, not on the link left behind. An address with a `#`
 * leaves the focus to the section it names.
 */
export function PageTitle({ children, text }: { children: ReactNode; text?: string }) {
  const title = text ?? (typeof children === 'string' ? children : undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const { pathname, hash } = useLocation();
  useEffect(() => {
    if (title) document.title = `${title} · Jalin`;
  }, [title]);
  useEffect(() => {
    if (pathname === focusedPath) return;
    focusedPath = pathname;
    if (!hash) heading.current?.focus();
  }, [pathname, hash]);
  return (
    <Title order={1} size="h2" id="page-title" tabIndex={-1} ref={heading}>
      {children}
    </Title>
  );
}
