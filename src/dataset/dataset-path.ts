import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The curated dataset shipped with the code (dataset/ at the repository root). */
export const DATASET_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dataset');
