import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/** The part of docx used here. Its ESM type declarations import without file extensions, which NodeNext cannot resolve. */
interface DocxModule {
  Document: new (options: { sections: { children: unknown[] }[] }) => object;
  Paragraph: new (options: { children: unknown[] }) => object;
  TextRun: new (text: string) => object;
  Packer: { toBuffer(doc: object): Promise<Buffer> };
}
const { Document, Packer, Paragraph, TextRun } = createRequire(import.meta.url)('docx') as DocxModule;

/** Debian's fonts-noto-cjk (installed by .ci/run): a CJK font with a text layer pdfjs can read back. */
export const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';

export function hasCjkFont(): boolean {
  return existsSync(CJK_FONT);
}

/** A .docx with one paragraph per line of the text, as a word processor would save it. */
export async function makeDocx(text: string): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * A PDF with a text layer: the text wrapped at the page width (so sentences break across lines and
 * pages), with a running header and a page number on every page, like government PDF exports.
 */
export async function makePdf(text: string, header: string): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 72, right: 72 }, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font(CJK_FONT, CJK_FONT_NAME).fontSize(11);
  for (const line of text.split('\n')) {
    if (line.trim().length === 0) continue;
    doc.text(line.trim(), { paragraphGap: 4 });
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.fontSize(9).text(header, 72, 40, { lineBreak: false });
    doc.text(`- ${i + 1} -`, 280, 800, { lineBreak: false });
  }
  doc.end();
  return new Uint8Array(await done);
}
