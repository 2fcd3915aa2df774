/** Scrolls el into view inside its nearest scrollable ancestor only (never the window). */
export function scrollIntoContainer(el: Element | null, container: Element | null): void {
  if (!el || !container) return;
  const c = container.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  if (r.top < c.top || r.bottom > c.bottom) {
    container.scrollTop += r.top - c.top - c.height / 3;
  }
}
