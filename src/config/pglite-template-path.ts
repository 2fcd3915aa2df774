/**
 * Where `npm run build` puts the new-data-directory template (scripts/build.js, target `template`) and
 * where PLANTRACK_PGLITE_TEMPLATE looks by default, relative to the project root.
 */
export const PGLITE_TEMPLATE_FILE = 'dist/pglite-template/data.tar.gz';
