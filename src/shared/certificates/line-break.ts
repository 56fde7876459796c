/**
 * 断行: lines for a sentence printed in a fixed width (a certificate's "参加……，经评定取得"),
 * without a lone character on the last line (a certificate left "得" by itself) and without a line
 * that starts with closing punctuation (，。）) or ends with opening punctuation (（《).
 *
 * The lines are balanced: the narrowest width that needs no more lines than the full width did is
 * found, so two lines come out about equal instead of one full line and a stub. `widthOf` measures
 * a string in the printed font (PDFKit's widthOfString); for a test, one unit per character.
 */
const NO_START = new Set([...'，。、；：！？）》」』】〕…—·,.;:!?)]}%']);
const NO_END = new Set([...'（《「『【〔([{']);

function greedy(chars: string[], width: number, widthOf: (s: string) => number): string[] {
  const lines: string[][] = [];
  let line: string[] = [];
  for (const ch of chars) {
    if (line.length > 0 && widthOf([...line, ch].join('')) > width) {
      // Move characters that may not end a line, or a character that may not start the next, along.
      const carry: string[] = [];
      if (NO_START.has(ch) && line.length > 1) carry.unshift(line.pop()!);
      while (line.length > 1 && NO_END.has(line.at(-1)!)) carry.unshift(line.pop()!);
      lines.push(line);
      line = [...carry];
    }
    line.push(ch);
  }
  if (line.length) lines.push(line);
  return lines.map((l) => l.join(''));
}

export interface BreakOptions {
  /** The fewest characters the last line may hold (default 3: a stub of one or two reads as a mistake). */
  minLast?: number;
}

export function breakLines(text: string, width: number, widthOf: (s: string) => number, options: BreakOptions = {}): string[] {
  const chars = [...text];
  if (chars.length === 0) return [];
  const full = greedy(chars, width, widthOf);
  if (full.length === 1) return full;
  // Balance: the narrowest width (down to half) that keeps the same number of lines.
  let lo = width / 2;
  let hi = width;
  let best = full;
  for (let i = 0; i < 20; i++) {
    const mid = (lo + hi) / 2;
    const lines = greedy(chars, mid, widthOf);
    if (lines.length <= full.length && lines.every((l) => widthOf(l) <= width)) {
      best = lines;
      hi = mid;
    } else lo = mid;
  }
  // Should the last line still be a stub (a very long last word), take characters from the line before.
  const minLast = Math.min(options.minLast ?? 3, chars.length);
  const out = [...best];
  while (out.length > 1 && [...out.at(-1)!].length < minLast) {
    const prev = [...out.at(-2)!];
    if (prev.length <= minLast) break;
    out[out.length - 1] = prev.pop()! + out.at(-1)!;
    out[out.length - 2] = prev.join('');
  }
  return out;
}
