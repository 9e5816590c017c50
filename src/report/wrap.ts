/** Word wrapping for the plan table's cells and the lines around it (plain text, one column per character). */

/** Where a word longer than a line may break: after one of these, else at the width. */
const BREAK_AFTER = "/-.:,_";

/**
 * `text` in lines of at most `width` characters: breaks at spaces, keeps its own
 * line breaks; a word longer than a line breaks after its last / - . : , _ in
 * the second half of the line, else at the width.
 */
export function wrap(opts: { text: string; width: number }): string[] {
  const width = Math.max(1, opts.width);
  const lines: string[] = [];
  for (const paragraph of opts.text.split("\n")) {
    // most cells already fit: a line within the width with single spaces inside and none at its ends stays as it is
    if (
      paragraph.length <= width &&
      !paragraph.includes("  ") &&
      !paragraph.startsWith(" ") &&
      !paragraph.endsWith(" ")
    ) {
      lines.push(paragraph);
      continue;
    }
    let line = "";
    for (const word of paragraph.split(" ").filter((w) => w !== "")) {
      if (line && line.length + 1 + word.length <= width) {
        line += ` ${word}`;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (rest.length > width) {
        const cut = breakPoint({ word: rest, width });
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** `text` wrapped to `width` with `first` before its first line and spaces of the same length before the others. */
export function hang(opts: { text: string; width: number; first: string }): string[] {
  const indent = " ".repeat(opts.first.length);
  return wrap({ text: opts.text, width: opts.width - opts.first.length }).map(
    (l, i) => `${i === 0 ? opts.first : indent}${l}`,
  );
}

const SPACE = 32;
const NEWLINE = 10;

/** The longest run without a space: the narrowest width that wraps `text` without breaking a word. */
export function longestWord(text: string): number {
  return longestRun({ text, spaceBreaks: true });
}

/** The longest line of `text`. */
export function longestLine(text: string): number {
  return longestRun({ text, spaceBreaks: false });
}

/**
 * The longest run of characters between two line breaks, or also spaces (a loop over character codes, no array of
 * the parts: every cell of a large plan's tables is measured).
 */
function longestRun(opts: { text: string; spaceBreaks: boolean }): number {
  let longest = 0;
  let start = 0;
  const { text, spaceBreaks } = opts;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE || (spaceBreaks && c === SPACE)) {
      if (i - start > longest) longest = i - start;
      start = i + 1;
    }
  }
  return Math.max(longest, text.length - start);
}

function breakPoint(opts: { word: string; width: number }): number {
  for (let i = opts.width; i > opts.width / 2; i--) if (BREAK_AFTER.includes(opts.word[i - 1])) return i;
  return opts.width;
}
