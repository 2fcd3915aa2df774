import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

/*
 * The web takes its API types from the server's presenters (web/src/api/types.ts). This proves the
 * point of that: the same web page compiled against a presenter whose schema renamed a field fails
 * to typecheck, where a hand-written mirror would have compiled and broken at run time.
 */
const root = path.resolve(import.meta.dirname, '../..');
const presenter = path.join(root, 'src/presenters/plan.presenter.ts');
const page = path.join(root, 'web/src/plans/PlanListPage.tsx');

function webDiagnostics(edit: (text: string) => string, oldProgram?: ts.Program) {
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
    return text !== undefined && path.resolve(file) === presenter ? edit(text) : text;
  };
  const program = ts.createProgram([page], config.options, host, oldProgram);
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && path.resolve(d.file.fileName).startsWith(path.join(root, 'web')))
    .map((d) => `${path.relative(root, d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  return { program, diagnostics };
}

test('a field renamed in a presenter schema fails the typecheck of the web page that reads it', () => {
  const schemaField = '  issuer: z.string(),\n  issuedOn: z.string().nullable(),';
  assert.ok(readFileSync(presenter, 'utf8').includes(schemaField), 'the plan schema declares issuedOn');

  const unchanged = webDiagnostics((text) => text);
  assert.deepEqual(unchanged.diagnostics, []);

  const renamed = webDiagnostics(
    (text) => text.replace(schemaField, '  issuer: z.string(),\n  issuedAt: z.string().nullable(),'),
    unchanged.program,
  );
  assert.ok(
    // The plan list shows the date through PlanFacts, which it imports.
    renamed.diagnostics.some((d) => d.startsWith('web/src/plans/PlanFacts.tsx') && d.includes("'issuedOn'")),
    renamed.diagnostics.join('\n') || 'no diagnostic in the web',
  );
});
