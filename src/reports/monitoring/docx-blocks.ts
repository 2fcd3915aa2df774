import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { FONTS, fontTableXml, runFont, SIZE } from './docx-fonts.ts';
import type { ReportTable } from './report-tables.ts';

/** A4 with the GB/T 9704 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twips. */
export const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** Body lines at a fixed 28 pt, as in printed official documents. */
const LINE = { line: 560, lineRule: LineRuleType.EXACT } as const;
/** Two 三号 characters: the first-line indent of every body paragraph. */
const INDENT = { firstLine: 640 } as const;

export const body = (text: string): Paragraph =>
  new Paragraph({
    spacing: LINE,
    indent: INDENT,
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: runFont(FONTS.body), size: SIZE.三号 })],
  });

/** A body paragraph whose lead-in (up to the first 。) is set in 楷体, as numbered suggestions are. */
export const leadIn = (lead: string, rest: string): Paragraph =>
  new Paragraph({
    spacing: LINE,
    indent: INDENT,
    alignment: AlignmentType.JUSTIFIED,
    children: [
      new TextRun({ text: lead, font: runFont(FONTS.subheading), size: SIZE.三号, bold: true }),
      new TextRun({ text: rest, font: runFont(FONTS.body), size: SIZE.三号 }),
    ],
  });

/** 一、 headings in 黑体, （一） headings in 楷体; both 三号 and indented like body text. */
export const heading1 = (text: string): Paragraph =>
  new Paragraph({
    heading: HeadingLevel.HEADING_1,
    spacing: LINE,
    indent: INDENT,
    keepNext: true,
    children: [new TextRun({ text, font: runFont(FONTS.heading), size: SIZE.三号, color: '000000' })],
  });

export const heading2 = (text: string): Paragraph =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: LINE,
    indent: INDENT,
    keepNext: true,
    children: [new TextRun({ text, font: runFont(FONTS.subheading), size: SIZE.三号, bold: true, color: '000000' })],
  });

export const title = (text: string): Paragraph =>
  new Paragraph({
    heading: HeadingLevel.TITLE,
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 200 },
    children: [new TextRun({ text, font: runFont(FONTS.title), size: SIZE.二号, color: '000000' })],
  });

export const subtitle = (text: string): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: LINE,
    children: [new TextRun({ text, font: runFont(FONTS.subheading), size: SIZE.三号 })],
  });

/** 表N / 图N captions: 黑体 小四, centred, kept with what they caption. */
export const caption = (text: string, keepNext: boolean): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext,
    spacing: { before: 120, after: 120 },
    children: [new TextRun({ text, font: runFont(FONTS.heading), size: SIZE.小四 })],
  });

export const image = (png: Buffer, widthPx: number, heightPx: number, description: string): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: widthPx, height: heightPx },
        altText: { name: description, description, title: description },
      }),
    ],
  });

const cellText = (text: string, header: boolean, numeric: boolean): Paragraph =>
  new Paragraph({
    alignment: header ? AlignmentType.CENTER : numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: [new TextRun({ text, font: runFont(header ? FONTS.heading : FONTS.body), size: SIZE.五号 })],
  });

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** A table of the brief: 黑体 header row shaded grey and repeated on every page, 仿宋 五号 cells. */
export function table(t: Pick<ReportTable, 'columns' | 'rows'>): Table {
  const shown = t.columns.map((c, i) => ({ c, i })).filter(({ c }) => !c.xlsxOnly);
  const total = shown.reduce((s, { c }) => s + c.width, 0);
  const widths = shown.map(({ c }) => Math.floor((TEXT_WIDTH * c.width) / total));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: shown.map(
      ({ c }, k) =>
        new TableCell({
          width: { size: widths[k]!, type: WidthType.DXA },
          shading: { fill: 'D9D9D9', type: ShadingType.CLEAR, color: 'auto' },
          verticalAlign: VerticalAlign.CENTER,
          children: [cellText(c.header, true, false)],
        }),
    ),
  });
  const rows = t.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: shown.map(
          ({ c, i }, k) =>
            new TableCell({
              width: { size: widths[k]!, type: WidthType.DXA },
              verticalAlign: VerticalAlign.CENTER,
              children: [cellText(row[i]!.text, false, c.kind !== 'text')],
            }),
        ),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: 57, right: 57, top: 20, bottom: 20 },
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
    rows: [header, ...rows],
  });
}

/** "— 1 —" centred in 宋体 四号, the usual page number of an official document. */
export function pageNumberFooter(): Footer {
  const font = runFont('宋体');
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ font, size: SIZE.四号, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** The whole .docx: one GB/T 9704 section with the page-number footer, 仿宋 三号 body and the fonts it names. */
export function packDocument(meta: { title: string; description: string }, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'PlanTrack',
    title: meta.title,
    description: meta.description,
    styles: {
      default: {
        document: { run: { font: runFont(FONTS.body), size: SIZE.三号 } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: 1134 },
          },
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
