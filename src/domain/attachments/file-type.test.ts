import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkUpload, cleanFileName, sniffType, typeOfName } from './file-type.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest');
const PDF = bytes('%PDF-1.7\n...');
const DOCX = bytes([0x50, 0x4b, 0x03, 0x04], '....word/document.xml....');
const XLSX = bytes([0x50, 0x4b, 0x03, 0x04], '....xl/workbook.xml....');
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04], '....evil.exe....');

describe('attachment file types', () => {
  it('tells types by magic bytes', () => {
    assert.equal(sniffType(PNG), 'png');
    assert.equal(sniffType(PDF), 'pdf');
    assert.equal(sniffType(bytes([0xff, 0xd8, 0xff, 0xe0])), 'jpg');
    assert.equal(sniffType(DOCX), 'docx');
    assert.equal(sniffType(XLSX), 'xlsx');
    assert.equal(sniffType(ZIP), null);
    assert.equal(sniffType(new TextEncoder().encode('进展说明\n第二行')), 'txt');
    assert.equal(sniffType(bytes('MZ', [0, 0, 3])), null, 'binary is not text');
    assert.equal(sniffType(bytes([0xc3, 0x28])), null, 'invalid UTF-8 is not text');
  });
  it('maps names to types, case-insensitively', () => {
    assert.equal(typeOfName('照片.JPEG'), 'jpg');
    assert.equal(typeOfName('a.exe'), null);
    assert.equal(typeOfName('noext'), null);
  });
  it('cleans names of paths and control characters', () => {
    assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
    assert.equal(cleanFileName('C:\\tmp\\"a"\r\n.pdf'), '_a___.pdf');
    assert.equal(cleanFileName('..'), 'file');
  });
  it('keeps the name as written (issue 18: text fidelity), folding only to find paths and the type', () => {
    assert.equal(cleanFileName('台账（１－３月）.xlsx'), '台账（１－３月）.xlsx');
    assert.equal(cleanFileName('..／..／etc／passwd'), 'passwd');
    assert.equal(cleanFileName('ａ＼ｂ.pdf'), 'ｂ.pdf');
    assert.equal(typeOfName('报告．ＰＤＦ'), 'pdf');
  });
  it('accepts only when name, declared type and bytes agree', () => {
    const ok = checkUpload({ name: '进展.pdf', declaredType: 'application/pdf', bytes: PDF, maxBytes: 100 });
    assert.deepEqual(ok, { ok: true, type: 'pdf', mediaType: 'application/pdf', name: '进展.pdf' });
    assert.equal(checkUpload({ name: 'x.png', declaredType: 'application/octet-stream', bytes: PNG, maxBytes: 100 }).ok, true);
    const html = checkUpload({ name: 'x.png', declaredType: 'image/png', bytes: bytes('<html><script>'), maxBytes: 100 });
    assert.equal(html.ok || html.code, 'TYPE_MISMATCH');
    const lie = checkUpload({ name: 'x.pdf', declaredType: 'text/html', bytes: PDF, maxBytes: 100 });
    assert.equal(lie.ok || lie.code, 'TYPE_MISMATCH');
    const exe = checkUpload({ name: 'x.exe', declaredType: null, bytes: PDF, maxBytes: 100 });
    assert.equal(exe.ok || exe.code, 'TYPE_NOT_ALLOWED');
    const big = checkUpload({ name: 'x.pdf', declaredType: null, bytes: PDF, maxBytes: 5 });
    assert.equal(big.ok || big.code, 'TOO_LARGE');
    const empty = checkUpload({ name: 'x.txt', declaredType: null, bytes: new Uint8Array(), maxBytes: 5 });
    assert.equal(empty.ok || empty.code, 'EMPTY');
  });
});
