import { useEffect, useRef, type RefObject } from 'react';

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

/**
 * A tree's selected node kept in view within the split layout's side panel: the ref goes on the tree,
 * the selector finds the node (null when nothing is selected); revealed again whenever it changes.
 */
export function useRevealInSide<T extends HTMLElement>(selector: string | null): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const tree = ref.current;
    if (!tree || selector === null) return;
    return revealInContainer(
      () => tree.querySelector(selector),
      () => tree.closest('.split-side'),
    );
  }, [selector]);
  return ref;
}
