/**
 * A small router on the History API: the location as an external store, links that push
 * history entries, and a route table matched by path patterns (`/lacak/:ticket`, `/petugas/*`).
 */
import { useMemo, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  for (const listener of listeners) listener();
}

/** `/petugas/` and `/petugas` are the same page. */
function normalise(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') || '/' : pathname;
}

export function useLocation(): { pathname: string; query: URLSearchParams } {
  const current = useSyncExternalStore(subscribe, snapshot);
  return useMemo(() => {
    const url = new URL(current, window.location.origin);
    return { pathname: normalise(url.pathname), query: url.searchParams };
  }, [current]);
}

export type Params = Record<string, string>;
export type Route = { path: string; render: (params: Params) => ReactNode };

/** Matches `/a/:b` segment by segment; a trailing `*` matches the rest (as `params['*']`). */
export function matchPath(pattern: string, pathname: string): Params | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  const params: Params = {};
  for (const [i, part] of want.entries()) {
    if (part === '*') {
      params['*'] = have.slice(i).map(decode).join('/');
      return params;
    }
    const value = have[i];
    if (value === undefined) return undefined;
    if (part.startsWith(':')) params[part.slice(1)] = decode(value);
    else if (part !== value) return undefined;
  }
  return want.length === have.length ? params : undefined;
}

export function matchRoute(routes: Route[], pathname: string): { route: Route; params: Params } | undefined {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return undefined;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link that navigates without a page load; new-tab clicks keep working. */
export function Link({ to, onClick, ...props }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || props.target) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...props} />;
}

/** A menu link that says (to screen readers and visibly) which page is open. */
export function NavLink({ to, ...props }: LinkProps) {
  const { pathname } = useLocation();
  const current = normalise(new URL(to, window.location.origin).pathname) === pathname;
  return <Link to={to} aria-current={current ? 'page' : undefined} {...props} />;
}
