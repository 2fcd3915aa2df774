import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

/*
 * The web's ApiError.code is typed with the server's error catalogue (src/errors/error-catalogue.ts).
 * This proves the point: a page that checks for a code the server cannot send fails the web typecheck,
 * both through hasErrorCode(…) and through a direct comparison, where a bare string never matched.
 */
const root = path.resolve(import.meta.dirname, '../..');

function webDiagnostics(page: string, edit: (text: string) => string, oldProgram?: ts.Program) {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'web/tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    },
  );
  assert.ok(config);
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => {
    const text = readFile(file);
    return text !== undefined && path.resolve(file) === page ? edit(text) : text;
  };
  const program = ts.createProgram([page], config.options, host, oldProgram);
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && path.resolve(d.file.fileName) === page)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  return { program, diagnostics };
}

for (const { file, code, typo } of [
  { file: 'web/src/reporting/useEntryEditor.ts', code: "hasErrorCode(error, 'VERSION_CONFLICT')", typo: 'VERSION_CONFLICTS' },
  { file: 'web/src/reporting/ReportImportPage.tsx', code: "error.code === 'NOT_FOUND'", typo: 'NOT_FOUNDD' },
]) {
  test(`a mistyped error code in ${file} fails the web typecheck`, () => {
    const page = path.join(root, file);
    assert.ok(readFileSync(page, 'utf8').includes(code), `${file} checks ${code}`);
    const unchanged = webDiagnostics(page, (text) => text);
    assert.deepEqual(unchanged.diagnostics, []);
    const mistyped = webDiagnostics(
      page,
      (text) => text.replace(code, code.replace(/'[A-Z_]+'/, `'${typo}'`)),
      unchanged.program,
    );
    assert.ok(
      mistyped.diagnostics.some((d) => d.includes(typo)),
      mistyped.diagnostics.join('\n') || 'no diagnostic: the typo compiled',
    );
  });
}
