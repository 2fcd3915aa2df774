import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { CatalogueInput, ExtractionResult } from '../../src/domain/extraction/candidate.schema.ts';
import { extractCandidates } from '../../src/domain/extraction/extract-candidates.ts';
import { normaliseText } from '../../src/domain/text/normalise.ts';
import { loadDatasetCatalogue } from '../../src/ingestion/dataset-catalogue.ts';
import { readDocument } from '../../src/ingestion/read-document.ts';
import { CJK_FONT, hasCjkFont, makeDocx, makePdf } from './make-documents.ts';

const SOURCES = path.resolve(import.meta.dirname, '../../dataset/sources');

/** What a reviewer sees of a candidate, without offsets (which differ between formats by construction). */
function signature(r: ExtractionResult) {
  return {
    targets: r.targets.map((t) =>
      [
        t.indicator.code ?? t.indicator.name,
        t.scope?.code ?? '',
        t.baseline?.year ?? '',
        t.baseline?.value ?? '',
        t.target.year,
        t.target.comparator,
      ]
        .concat([t.target.value ?? t.target.rate ?? `${t.target.min}-${t.target.max}`])
        .join('|'),
    ),
    tasks: r.tasks.map((k) =>
      [
        k.trigger,
        k.lead.map((u) => u.code ?? u.name).join(','),
        k.co.map((u) => u.code ?? u.name).join(','),
        k.deadline ?? k.recurrence ?? '',
      ].join('|'),
    ),
  };
}

/** PDF text per plan, made once: the last test reuses the FTZ one. */
const pdfTexts = new Map<string, string>();

describe('a seed plan as .txt, .docx and .pdf gives the same candidates', () => {
  let catalogue: CatalogueInput;
  before(async () => {
    catalogue = await loadDatasetCatalogue();
  });

  for (const [plan, header] of [
    ['yunnan-ftz-2021-2025', '“十四五”中国(云南)自由贸易试验区建设规划'],
    ['yunnan-pprd-2016', '云南省人民政府关于深化泛珠三角区域合作的实施意见'],
  ] as const) {
    it(`${plan}: targets and tasks agree across formats`, async () => {
      assert.ok(hasCjkFont(), `${CJK_FONT} is missing: apt-get install fonts-noto-cjk (.ci/run does)`);
      const txt = await readFile(path.join(SOURCES, `${plan}.txt`), 'utf8');
      const expected = signature(
        extractCandidates(await readDocument(new TextEncoder().encode(txt), `${plan}.txt`), { catalogue }),
      );
      assert.ok(expected.targets.length + expected.tasks.length > 5, 'the seed gives candidates at all');

      const docxText = await readDocument(await makeDocx(txt), `${plan}.docx`);
      assert.deepEqual(signature(extractCandidates(docxText, { catalogue })), expected, '.docx');

      const pdfText = await readDocument(await makePdf(txt, header), `${plan}.pdf`);
      pdfTexts.set(plan, pdfText);
      assert.match(pdfText, /\f/, 'pages are separated');
      assert.match(pdfText, /- 2 -/, 'the PDF has page numbers, which the normaliser must drop');
      assert.deepEqual(signature(extractCandidates(pdfText, { catalogue })), expected, '.pdf');
    });
  }

  it('offsets point into the document as read: every target quote is the text at its span', async () => {
    const pdfText = pdfTexts.get('yunnan-ftz-2021-2025');
    assert.ok(pdfText, 'made by the first test');
    const r = extractCandidates(pdfText, { catalogue });
    for (const t of r.targets) {
      const original = normaliseText(pdfText.slice(t.span.start, t.span.end)).replace(/\s+/g, '');
      assert.ok(original.includes(t.quote.replace(/\s+/g, '').slice(0, 10)), `${t.id}: ${original.slice(0, 30)}`);
    }
  });
});
