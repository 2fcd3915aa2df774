import { memo, useMemo, type MouseEvent } from 'react';
import type { Span } from '../api/types.ts';

export type MarkState = 'pending' | 'accepted' | 'rejected';

/** A candidate's place in the document. */
export interface DocMark {
  id: string;
  kind: 'target' | 'task';
  span: Span;
  /** The figure inside the sentence (targets). */
  valueSpan?: Span;
  /** Shown as the mark's tooltip. */
  label: string;
}

interface Segment {
  start: number;
  end: number;
  /** The segment's text as shown: line breaks of the PDF layout rejoined. */
  display: string;
  /** Candidates covering the segment, in document order. */
  ids: string[];
  /** Inside a target's figure. */
  value: boolean;
}

const SENTENCE_END = /[。！？；：!?;:」』”)）]$/;
const LATIN = /[A-Za-z0-9]/;

/** Whitespace between two lines of text and what is shown in its place. */
export interface Gap {
  start: number;
  end: number;
  shown: string;
}

/**
 * Where the text's line breaks are shown, as in reflowParagraphs: a line that fills most of the usual
 * width and does not end a sentence runs on into the next; other breaks (and blank lines, page
 * breaks, indents) become one line break. Only the display changes; offsets stay those of the text.
 */
export function layoutGaps(text: string): Gap[] {
  const lines: { start: number; end: number }[] = [];
  const re = /[^\n\f]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const content = m[0].trim();
    if (content) lines.push({ start: m.index + lead, end: m.index + lead + content.length });
  }
  if (lines.length < 2) return [];
  const sorted = lines.map((l) => l.end - l.start).sort((a, b) => a - b);
  const usual = sorted[Math.floor(sorted.length * 0.75)] ?? 0;
  const gaps: Gap[] = [];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const next = lines[i]!;
    const last = text.slice(prev.end - 1, prev.end);
    const continues = lines.length >= 3 && !SENTENCE_END.test(last) && prev.end - prev.start >= usual * 0.8;
    const shown = continues ? (LATIN.test(last) && LATIN.test(text.charAt(next.start)) ? ' ' : '') : '\n';
    if (text.slice(prev.end, next.start) !== shown) gaps.push({ start: prev.end, end: next.start, shown });
  }
  return gaps;
}

/** Text of [start, end) as shown; a gap's replacement goes with the segment where the gap starts. */
function displayOf(text: string, start: number, end: number, gaps: readonly Gap[], from: number): string {
  let out = '';
  let at = start;
  for (let i = from; i < gaps.length; i++) {
    const g = gaps[i]!;
    if (g.start >= end) break;
    if (g.end <= at) continue;
    if (g.start > at) out += text.slice(at, g.start);
    if (g.start >= start) out += g.shown;
    at = Math.min(end, g.end);
  }
  if (at < end) out += text.slice(at, end);
  return out.replace(/\f/g, '\n');
}

/**
 * Cuts the text at every span boundary, so overlapping candidates (several targets from one
 * sentence, a task sentence holding a target) each get their own highlight.
 */
export function segmentText(text: string, marks: readonly DocMark[]): Segment[] {
  const length = text.length;
  const gaps = layoutGaps(text);
  let gap = 0;
  const clamp = (n: number) => Math.max(0, Math.min(length, n));
  const cuts = new Set<number>([0, length]);
  const valid = marks.filter((m) => clamp(m.span.end) > clamp(m.span.start));
  for (const m of valid) {
    cuts.add(clamp(m.span.start));
    cuts.add(clamp(m.span.end));
    if (m.valueSpan) {
      cuts.add(clamp(m.valueSpan.start));
      cuts.add(clamp(m.valueSpan.end));
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const segments: Segment[] = [];
  let next = 0;
  let active: DocMark[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (next < byStart.length && clamp(byStart[next]!.span.start) <= start) active.push(byStart[next++]!);
    active = active.filter((m) => clamp(m.span.end) > start);
    const covering = active.filter((m) => clamp(m.span.start) <= start && clamp(m.span.end) >= end);
    while (gap < gaps.length && gaps[gap]!.end <= start) gap++;
    segments.push({
      start,
      end,
      display: displayOf(text, start, end, gaps, gap),
      ids: covering.map((m) => m.id),
      value: covering.some((m) => m.valueSpan !== undefined && m.valueSpan.start <= start && m.valueSpan.end >= end),
    });
  }
  return segments;
}

interface DocumentViewProps {
  text: string;
  marks: readonly DocMark[];
  states: Readonly<Record<string, MarkState>>;
  selected: string | null;
  onSelect: (id: string) => void;
  label: string;
}

/** The document with every candidate highlighted: colour by kind, style by decision. */
export const DocumentView = memo(function DocumentView({ text, marks, states, selected, onSelect, label }: DocumentViewProps) {
  const segments = useMemo(() => segmentText(text, marks), [text, marks]);
  const byId = useMemo(() => new Map(marks.map((m) => [m.id, m])), [marks]);

  const click = (e: MouseEvent<HTMLElement>) => {
    const ids = (e.currentTarget.dataset.ids ?? '').split(' ').filter(Boolean);
    if (ids.length === 0) return;
    // Several candidates from one sentence: each click moves on to the next.
    const at = selected ? ids.indexOf(selected) : -1;
    onSelect(ids[(at + 1) % ids.length]!);
  };

  return (
    <div className="doc-text" data-testid="ingest-document" aria-label={label}>
      {segments.map((seg) => {
        const piece = seg.display;
        if (seg.ids.length === 0) return <span key={seg.start}>{piece}</span>;
        const kinds = new Set(seg.ids.map((id) => byId.get(id)?.kind));
        const decisions = seg.ids.map((id) => states[id] ?? 'pending');
        const state = decisions.some((d) => d === 'accepted')
          ? 'accepted'
          : decisions.every((d) => d === 'rejected')
            ? 'rejected'
            : 'pending';
        const classes = [
          'hl',
          kinds.has('target') ? 'hl-target' : 'hl-task',
          kinds.size > 1 ? 'hl-both' : '',
          `hl-${state}`,
          selected !== null && seg.ids.includes(selected) ? 'is-selected' : '',
          seg.value ? 'hl-value' : '',
        ];
        return (
          <mark
            key={seg.start}
            className={classes.filter(Boolean).join(' ')}
            data-ids={seg.ids.join(' ')}
            data-state={state}
            title={seg.ids.map((id) => byId.get(id)?.label ?? id).join('\n')}
            onClick={click}
          >
            {piece}
          </mark>
        );
      })}
    </div>
  );
});
