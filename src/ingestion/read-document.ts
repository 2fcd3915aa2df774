import path from 'node:path';
import mammoth from 'mammoth';

/**
 * Reads a plan document into text: .txt (UTF-8, or UTF-16 with a BOM), .docx (mammoth, one
 * paragraph per line) and .pdf with a text layer (pdfjs-dist, legacy build for Node: lines as the
 * PDF lays them out, pages separated by form feeds so page furniture can be recognised).
 * Anything else is read as text. A scanned PDF without a text layer gives empty text.
 */
export async function readDocument(data: Uint8Array, fileName: string): Promise<string> {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.docx') return readDocx(data);
  if (ext === '.pdf' || isPdf(data)) return readPdf(data);
  return decodeText(data);
}

function isPdf(data: Uint8Array): boolean {
  return data.length > 4 && data[0] === 0x25 && data[1] === 0x50 && data[2] === 0x44 && data[3] === 0x46; // %PDF
}

export function decodeText(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  return new TextDecoder('utf-8').decode(data);
}

async function readDocx(data: Uint8Array): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) });
  // mammoth ends every paragraph with a blank line; one line per paragraph is enough.
  return value.replace(/\n\n/g, '\n');
}

interface PdfTextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
}

async function readPdf(data: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of the buffer it is given.
  const doc = await getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      let lastY: number | null = null;
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as PdfTextItem;
        const y = item.transform[5] ?? 0;
        // A new line when the baseline moves, even if the producer did not mark the end of line.
        if (lastY !== null && Math.abs(y - lastY) > 2 && !text.endsWith('\n')) text += '\n';
        text += item.str;
        if (item.hasEOL) text += '\n';
        lastY = y;
      }
      pages.push(text.replace(/\n+$/, ''));
      page.cleanup();
    }
    return pages.join('\n\f');
  } finally {
    await doc.destroy();
  }
}
