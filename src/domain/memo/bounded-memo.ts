/**
 * A function's results kept by their argument, for pure functions called with the same few arguments
 * over and over (a unit's name in every cell of an import, a month label in every yearly figure). The
 * memory stays bounded: past `limit` entries everything is forgotten at once, which costs one
 * recomputation per argument and no bookkeeping per call. Results are shared: callers must not
 * mutate them.
 */
export function boundedMemo<K, V>(limit: number, make: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    if (kept.has(key)) return kept.get(key)!;
    const value = make(key);
    if (kept.size >= limit) kept.clear();
    kept.set(key, value);
    return value;
  };
}
