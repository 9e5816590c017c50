/**
 * `vpce discover --write`: adds services to subnets by editing the spec's text at the source ranges the `yaml`
 * parser gives, never by printing the document again (a round trip reformats the file and loses comments).
 * A flow sequence `[a, b]` gets `, c` after its last item; a block sequence gets a `- c` line after its last item,
 * indented like it; a subnet without `services:` gets the key after its last field. Everything outside the
 * inserted text stays byte for byte.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from "yaml";

/** Services to add to one subnet, addressed by its indexes in the spec. */
export interface SubnetAddition {
  readonly vpcIndex: number;
  readonly subnetIndex: number;
  readonly services: readonly string[];
}

/** One insertion into the original text. */
export interface Insertion {
  readonly offset: number;
  readonly text: string;
}

/** The edited text and what was inserted where (offsets into the original), or why the file cannot be edited. */
export function addServices(opts: {
  text: string;
  additions: readonly SubnetAddition[];
}): { text: string; insertions: Insertion[] } | { error: string } {
  const doc = parseDocument(opts.text, { keepSourceTokens: false });
  if (doc.errors.length > 0) return { error: `the file no longer parses: ${doc.errors[0].message}` };
  const eol = opts.text.includes("\r\n") ? "\r\n" : "\n";
  const insertions: Insertion[] = [];
  for (const a of opts.additions) {
    if (a.services.length === 0) continue;
    const subnet = doc.getIn(["vpcs", a.vpcIndex, "subnets", a.subnetIndex], true);
    if (!isMap(subnet) || !subnet.range)
      return { error: `vpcs[${a.vpcIndex}].subnets[${a.subnetIndex}] is not a mapping in the file` };
    const pair = subnet.items.find((p) => isScalar(p.key) && p.key.value === "services") as
      Pair<Node, Node> | undefined;
    const r = pair
      ? intoSequence({ text: opts.text, seq: pair.value, services: a.services, eol })
      : newKey({ text: opts.text, map: subnet, services: a.services, eol });
    if ("error" in r) return { error: `vpcs[${a.vpcIndex}].subnets[${a.subnetIndex}].services: ${r.error}` };
    insertions.push(r);
  }
  insertions.sort((x, y) => x.offset - y.offset);
  let text = "";
  let at = 0;
  for (const i of insertions) {
    text += opts.text.slice(at, i.offset) + i.text;
    at = i.offset;
  }
  return { text: text + opts.text.slice(at), insertions };
}

function intoSequence(opts: {
  text: string;
  seq: Node | null;
  services: readonly string[];
  eol: string;
}): Insertion | { error: string } {
  const { text, seq, services } = opts;
  if (!isSeq(seq) || !seq.range) return { error: "not a list" };
  const items = (seq as YAMLSeq<Node>).items;
  const last = items[items.length - 1];
  if (seq.flow) {
    if (last?.range) return { offset: last.range[1], text: services.map((s) => `, ${s}`).join("") };
    // `[]`: right after the opening bracket
    const open = text.indexOf("[", seq.range[0]);
    return { offset: open + 1, text: services.join(", ") };
  }
  if (!last?.range) return { error: "an empty block list" };
  const lineStart = text.lastIndexOf("\n", last.range[0] - 1) + 1;
  const lead = text.slice(lineStart, last.range[0]);
  const col = lead.lastIndexOf("-");
  // the item's own `- ` (possibly after the parent's `- ` on the same line): new lines repeat it at its column
  const prefix = /^[ \t]*-[ \t]+$/.test(lead) ? lead : `${" ".repeat(col)}${lead.slice(col)}`;
  if (col < 0 || !/^-[ \t]+$/.test(prefix.trimStart())) return { error: "cannot tell the list's indentation" };
  const offset = lineEnd(text, last.range[1]);
  return { offset, text: services.map((s) => `${opts.eol}${prefix}${s}`).join("") };
}

function newKey(opts: {
  text: string;
  map: YAMLMap;
  services: readonly string[];
  eol: string;
}): Insertion | { error: string } {
  const { text, map, services } = opts;
  const pairs = map.items as Pair<Node, Node>[];
  const lastPair = pairs[pairs.length - 1];
  const end = lastPair?.value?.range?.[1] ?? (lastPair?.key as Node | undefined)?.range?.[1];
  if (!lastPair || end === undefined) return { error: "an empty subnet" };
  const list = `services: [${services.join(", ")}]`;
  if (map.flow) return { offset: contentEnd(text, end), text: `, ${list}` };
  const keyStart = (lastPair.key as Node).range![0];
  const col = keyStart - (text.lastIndexOf("\n", keyStart - 1) + 1);
  return { offset: lineEnd(text, contentEnd(text, end)), text: `${opts.eol}${" ".repeat(col)}${list}` };
}

/** The offset just after the last non-blank character before `end` (a block value's range takes in its newline). */
function contentEnd(text: string, end: number): number {
  let p = end;
  while (p > 0 && /\s/.test(text[p - 1])) p--;
  return p;
}

/** The end of the line holding `offset - 1` (before its `\r\n` or `\n`), comments on that line included. */
function lineEnd(text: string, offset: number): number {
  const p = contentEnd(text, offset);
  const nl = text.indexOf("\n", p);
  if (nl < 0) return text.length;
  return text[nl - 1] === "\r" ? nl - 1 : nl;
}
