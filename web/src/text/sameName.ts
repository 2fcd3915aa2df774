/**
 * Whether two names are the same name: names are stored as written (成都（天府）新区) while the
 * extractor proposes folded text (成都(天府)新区), so both sides are compared on their NFKC fold.
 */
export function sameName(a: string, b: string): boolean {
  return a === b || a.normalize('NFKC').trim() === b.normalize('NFKC').trim();
}
