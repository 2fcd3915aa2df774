/**
 * Scrolls el into view inside a scrollable container only (never the window), taking into account
 * that part of the container may lie outside the window.
 */
export function scrollIntoContainer(el: Element | null, container: Element | null): void {
  if (!el || !container) return;
  const c = container.getBoundingClientRect();
  const top = Math.max(c.top, 0);
  const bottom = Math.min(c.bottom, window.innerHeight);
  if (bottom <= top) return;
  const r = el.getBoundingClientRect();
  if (r.top < top || r.bottom > bottom) {
    container.scrollTop += r.top - top - (bottom - top) / 3;
  }
}

/** As scrollIntoContainer, again once web fonts have loaded (CJK fonts change line heights). */
export function revealInContainer(find: () => Element | null, container: () => Element | null): () => void {
  let live = true;
  scrollIntoContainer(find(), container());
  document.fonts?.ready.then(() => {
    if (live) scrollIntoContainer(find(), container());
  });
  return () => {
    live = false;
  };
}
