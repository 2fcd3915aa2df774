import { useEffect, useState } from 'react';

/** A parsed location hash: #/plans/abc?section=s1 → path "/plans/abc", segments ["plans","abc"]. */
export interface Route {
  path: string;
  segments: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const qAt = raw.indexOf('?');
  const pathPart = qAt >= 0 ? raw.slice(0, qAt) : raw;
  const query = new URLSearchParams(qAt >= 0 ? raw.slice(qAt + 1) : '');
  const segments = pathPart
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { path: '/' + segments.join('/'), segments, query };
}

/** Builds a hash href: href('plans', id) → "#/plans/<id>"; query values that are empty are left out. */
export function href(...parts: (string | Record<string, string | undefined | null>)[]): string {
  const segs: string[] = [];
  let query = '';
  for (const p of parts) {
    if (typeof p === 'string') segs.push(encodeURIComponent(p));
    else {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(p)) if (v) params.set(k, v);
      const qs = params.toString();
      if (qs) query = `?${qs}`;
    }
  }
  return `#/${segs.join('/')}${query}`;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const target = to.startsWith('#') ? to : `#${to}`;
  if (options.replace) {
    const url = `${window.location.pathname}${window.location.search}${target}`;
    window.history.replaceState(null, '', url);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = target;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
