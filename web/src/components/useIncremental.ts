import { useEffect, useState } from 'react';

/** Shows long lists a page at a time; resets when resetKey changes. */
export function useIncremental<T>(items: readonly T[], pageSize: number, resetKey: unknown) {
  const [shown, setShown] = useState(pageSize);
  useEffect(() => setShown(pageSize), [resetKey, pageSize]);
  return {
    visible: items.slice(0, shown),
    remaining: Math.max(0, items.length - shown),
    showMore: () => setShown((n) => n + pageSize),
  };
}
