/** The page's one h1, which also names the browser tab and receives focus after navigation. */
import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/index.js';

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const t = useT();
  useEffect(() => {
    document.title = t.app.pageTitle(title);
  }, [t, title]);
  return (
    <h1 tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}

/** Moves focus to the page heading so a screen reader announces the new page or step. */
export function focusHeading(): void {
  document.querySelector<HTMLElement>('main h1')?.focus();
}

export function Loading() {
  const t = useT();
  return (
    <p role="status" className="loading">
      {t.app.loading}
    </p>
  );
}

/** Focuses a form field once the render that shows its error message has happened. */
export function focusField(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}
