import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root (the folder holding package.json). The server runs both from the TypeScript
 * sources (src/…, through tsx in tests and the CLI) and from the compiled JavaScript (dist/server/…,
 * `npm start`), so folders beside the code — dataset/, dist/web/, the SQL migrations — are found from
 * the root instead of by counting `..` from the running file.
 */
function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
}

export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
