import type { MouseEvent } from 'react';
import type { NavigateFunction } from 'react-router';

/**
 * One click handler for many plain anchors (a router Link per link costs hooks at every mount and
 * renders again at every location change): a plain left click on a link matching `selector`
 * navigates inside the app; modified clicks (new tab, new window) stay the browser's.
 */
export function followInApp(event: MouseEvent<Element>, navigate: NavigateFunction, selector = 'a[href]'): void {
  const link = (event.target as Element).closest(selector);
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  void navigate(link.getAttribute('href')!);
}
