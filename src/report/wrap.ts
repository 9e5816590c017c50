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

/** The longest run without a space: the narrowest width that wraps `text` without breaking a word. */
export function longestWord(text: string): number {
  return Math.max(0, ...text.split(/[ \n]/).map((w) => w.length));
}

function breakPoint(opts: { word: string; width: number }): number {
  for (let i = opts.width; i > opts.width / 2; i--) if (BREAK_AFTER.includes(opts.word[i - 1])) return i;
  return opts.width;
}
