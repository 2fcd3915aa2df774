import path from 'node:path';
import { PROJECT_ROOT } from '../config/project-root.ts';

/** The curated dataset shipped with the code (dataset/ at the repository root). */
export const DATASET_DIR = path.join(PROJECT_ROOT, 'dataset');
