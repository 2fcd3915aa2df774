/**
 * Fonts of a Chinese government brief (GB/T 9704 党政机关公文格式): body 仿宋_GB2312 三号, level-1
 * headings 黑体, level-2 headings and the subtitle 楷体_GB2312, title 方正小标宋简体, Latin letters
 * and digits in Times New Roman. Few machines have every one of these, so the font table
 * declares for each its alternate name (w:altName: the font Word and LibreOffice look for when the
 * first is missing), its GB2312 character set and its PANOSE class, which lets the reader
 * substitute a face of the same kind (a 仿宋 for a 仿宋, not a 宋体).
 */
export const FONTS = {
  body: '仿宋_GB2312',
  heading: '黑体',
  subheading: '楷体_GB2312',
  title: '方正小标宋简体',
  latin: 'Times New Roman',
} as const;

interface FontEntry {
  name: string;
  altName: string;
  /** PANOSE class where the face publishes one (the 方正 faces are matched by name). */
  panose?: string;
  family: 'roman' | 'modern' | 'auto';
}

/** Every CJK face the brief names, with the fallbacks it declares (方正仿宋_GBK, 仿宋/FangSong, SimHei, KaiTi). */
export const FONT_TABLE: readonly FontEntry[] = [
  { name: '仿宋_GB2312', altName: '仿宋', panose: '02010609030101010101', family: 'modern' },
  { name: '方正仿宋_GBK', altName: '仿宋', family: 'auto' },
  { name: '仿宋', altName: 'FangSong', panose: '02010609060101010101', family: 'modern' },
  { name: '黑体', altName: 'SimHei', panose: '02010609060101010101', family: 'modern' },
  { name: '楷体_GB2312', altName: '楷体', panose: '02010609030101010101', family: 'modern' },
  { name: '楷体', altName: 'KaiTi', panose: '02010609060101010101', family: 'modern' },
  { name: '方正小标宋简体', altName: '宋体', family: 'auto' },
  { name: '宋体', altName: 'SimSun', panose: '02010600030101010101', family: 'roman' },
];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** word/fontTable.xml with the declarations above (the docx library writes an empty one). */
export function fontTableXml(): string {
  const fonts = [
    ...FONT_TABLE.map(
      (f) =>
        `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.altName)}"/>` +
        (f.panose ? `<w:panose1 w:val="${f.panose}"/>` : '') +
        `<w:charset w:val="86"/><w:family w:val="${f.family}"/>` +
        `<w:pitch w:val="variable"/></w:font>`,
    ),
    `<w:font w:name="${FONTS.latin}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>` +
      `<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`,
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts.join('') +
    '</w:fonts>'
  );
}

/** Run fonts: CJK in the given face, Latin letters and digits in Times New Roman. */
export const runFont = (eastAsia: string) => ({ eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin });

/** Sizes in half-points, by their Chinese names. */
export const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21 } as const;
