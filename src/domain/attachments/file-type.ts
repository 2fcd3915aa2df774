/**
 * Which files may be attached, told by their bytes, not by what the client claims: an upload is
 * accepted only when its name's extension, its declared Content-Type (or application/octet-stream)
 * and its magic bytes all agree on one allowed type. Pure: no I/O.
 */
export const ATTACHMENT_TYPES = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
  jpg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  txt: { mediaType: 'text/plain; charset=utf-8', extensions: ['txt'] },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((v, i) => b[i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** An OOXML package (a zip) whose entry names include the part that makes it Word or Excel. */
function zipHasEntry(b: Uint8Array, prefix: string): boolean {
  if (!startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return false;
  // Entry names are stored uncompressed in the local and central headers.
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(prefix, 0, 'latin1');
}

/** The allowed type the bytes are, or null. */
export function sniffType(b: Uint8Array): AttachmentType | null {
  if (startsWith(b, ascii('%PDF-'))) return 'pdf';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpg';
  if (zipHasEntry(b, 'word/document.xml')) return 'docx';
  if (zipHasEntry(b, 'xl/workbook.xml')) return 'xlsx';
  if (isUtf8Text(b)) return 'txt';
  return null;
}

/** C0 controls but tab, line feed and carriage return, and DEL: not in plain text. */
const isControl = (code: number) => (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;

/** Plain UTF-8 text: decodes strictly and holds no control characters but tab and line breaks. */
function isUtf8Text(b: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return false;
  return true;
}

export function typeOfName(name: string): AttachmentType | null {
  // Matched on the folded name (．ＰＤＦ is .pdf); the name itself is stored as written.
  const ext = /\.([A-Za-z0-9]+)$/.exec(name.normalize('NFKC'))?.[1]?.toLowerCase();
  if (!ext) return null;
  for (const [type, t] of Object.entries(ATTACHMENT_TYPES) as [AttachmentType, (typeof ATTACHMENT_TYPES)[AttachmentType]][])
    if ((t.extensions as readonly string[]).includes(ext)) return type;
  return null;
}

/**
 * A file name safe to store and to send back in Content-Disposition: the last path segment, no control
 * characters, quotes, slashes or backslashes, at most 200 characters. Kept as written (issue 18: 台账（１－３月）
 * stays so); separators are found on the NFKC fold (／ and ＼ included), character by character.
 */
export function cleanFileName(name: string): string {
  const cut = [...name].findLastIndex((c) => /[\\/]/.test(c.normalize('NFKC')));
  const base = [...name].slice(cut + 1).join('');
  const clean = [...base]
    .map((c) => (isControl(c.charCodeAt(0)) || c === '\n' || c === '\r' || c === '\t' || '"<>|:*?'.includes(c) ? '_' : c))
    .join('')
    .trim()
    .replace(/^\.+/, '');
  return clean.slice(-200) || 'file';
}

export type UploadVerdict =
  | { ok: true; type: AttachmentType; mediaType: string; name: string }
  | { ok: false; code: 'TYPE_NOT_ALLOWED' | 'TYPE_MISMATCH' | 'EMPTY' | 'TOO_LARGE'; message: string; messageZh: string };

/** Decides whether an upload is accepted (see the module comment). */
export function checkUpload(input: {
  name: string;
  declaredType: string | null;
  bytes: Uint8Array;
  maxBytes: number;
}): UploadVerdict {
  const name = cleanFileName(input.name);
  const allowed = 'pdf, docx, xlsx, png, jpg, txt';
  if (input.bytes.byteLength === 0) return { ok: false, code: 'EMPTY', message: 'the file is empty', messageZh: '文件为空' };
  if (input.bytes.byteLength > input.maxBytes)
    return {
      ok: false,
      code: 'TOO_LARGE',
      message: `the file is larger than ${input.maxBytes} bytes`,
      messageZh: `文件超过${input.maxBytes}字节的上限`,
    };
  const byName = typeOfName(name);
  if (!byName)
    return {
      ok: false,
      code: 'TYPE_NOT_ALLOWED',
      message: `"${name}": only ${allowed} files may be attached`,
      messageZh: `“${name}”：只允许上传 ${allowed} 文件`,
    };
  const declared = (input.declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  const expected = ATTACHMENT_TYPES[byName].mediaType.split(';')[0]!;
  const sniffed = sniffType(input.bytes);
  if ((declared && declared !== 'application/octet-stream' && declared !== expected) || sniffed !== byName)
    return {
      ok: false,
      code: 'TYPE_MISMATCH',
      message: `"${name}": the content is not a ${byName} file (${sniffed ?? 'unknown'}${declared ? `, declared ${declared}` : ''})`,
      messageZh: `“${name}”：文件内容与 ${byName} 类型不符`,
    };
  return { ok: true, type: byName, mediaType: ATTACHMENT_TYPES[byName].mediaType, name };
}
