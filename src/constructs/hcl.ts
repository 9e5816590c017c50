/**
 * Terraform JSON -> HCL (native syntax), for the documents vpce writes: a stack (`cdk.tf.json`) or a module.
 * cdktf's own `synth --hcl` renders from the construct tree and drops stack-level overrides (the provider
 * version constraint, the S3 backend's `use_lockfile`); converting the JSON that Terraform is known to accept
 * keeps every byte of meaning. The JSON syntax carries no schema, so which keys are nested blocks rather than
 * attributes of object type is listed here for the resources vpce emits; the real-Terraform tests validate
 * the result for every example.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Keys that are nested blocks, per provider or resource type (everything else is an attribute). */
const BLOCKS: Readonly<Record<string, ReadonlySet<string>>> = {
  "provider.aws": new Set(["assume_role", "assume_role_with_web_identity", "default_tags", "ignore_tags", "endpoints"]),
  "resource.aws_vpc_endpoint": new Set(["dns_options", "subnet_configuration", "timeouts"]),
  "resource.aws_security_group": new Set(["timeouts"]),
};

/** Top-level sections, in the order they are written. */
const SECTIONS = ["terraform", "provider", "variable", "locals", "data", "resource", "import", "check", "output"];

/** Meta-argument blocks of every resource (in JSON they are objects). */
const RESOURCE_META_BLOCKS: ReadonlySet<string> = new Set(["lifecycle"]);

/** The HCL text of a Terraform JSON document. */
export function toHcl(opts: { document: JsonObject }): string {
  const doc = opts.document;
  const unknown = Object.keys(doc).filter((k) => k !== "//" && !SECTIONS.includes(k));
  if (unknown.length > 0) throw new Error(`internal: no HCL rendering for top-level ${unknown.join(", ")}`);
  const blocks: string[] = [];
  const terraform = doc.terraform as JsonObject | undefined;
  if (terraform) blocks.push(terraformBlock(terraform));
  for (const [name, configs] of entries(doc.provider))
    for (const config of asList(configs)) blocks.push(block(["provider", name], config, BLOCKS[`provider.${name}`]));
  for (const [name, v] of entries(doc.variable)) blocks.push(variableBlock(name, v as JsonObject));
  if (doc.locals) for (const l of asList(doc.locals)) blocks.push(block(["locals"], l));
  for (const kind of ["data", "resource"])
    for (const [type, named] of entries(doc[kind]))
      for (const [name, body] of entries(named))
        blocks.push(block([kind, type, name], body, resourceBlocks(kind, type)));
  for (const i of doc.import ? asList(doc.import) : []) blocks.push(importBlock(i));
  for (const [name, body] of entries(doc.check)) blocks.push(checkBlock(name, body as JsonObject));
  for (const [name, body] of entries(doc.output)) blocks.push(block(["output", name], body));
  return blocks.join("\n") + (blocks.length > 0 ? "" : "\n");
}

function resourceBlocks(kind: string, type: string): ReadonlySet<string> | undefined {
  const own = BLOCKS[`${kind}.${type}`];
  if (kind !== "resource") return own;
  return new Set([...(own ?? []), ...RESOURCE_META_BLOCKS]);
}

/** `import { to = <address> id = "..." }` (Terraform 1.5): `to` is an address, written bare (in JSON a string). */
function importBlock(body: JsonObject): string {
  const unknown = entries(body).filter(([k]) => k !== "to" && k !== "id");
  if (unknown.length > 0) throw new Error(`internal: no HCL rendering for import's ${unknown[0][0]}`);
  const lines = aligned([
    { key: "to", value: [body.to as string] },
    { key: "id", value: [value(body.id)] },
  ]);
  return ["import {", ...indent(lines), "}\n"].join("\n");
}

/** `check "<name>" { data ... {} assert {} }`: a scoped data source and its assertions (Terraform 1.5). */
function checkBlock(name: string, body: JsonObject): string {
  const lines = [`check ${quote(name)} {`];
  for (const [type, named] of entries(body.data))
    for (const [dataName, dataBody] of entries(named))
      lines.push(...indent(block(["data", type, dataName], dataBody, BLOCKS[`data.${type}`]).trimEnd().split("\n")));
  for (const a of asList(body.assert ?? [])) lines.push(...indent(block(["assert"], a).trimEnd().split("\n")));
  const unknown = entries(body).filter(([k]) => k !== "data" && k !== "assert");
  if (unknown.length > 0) throw new Error(`internal: no HCL rendering for check ${name}'s ${unknown[0][0]}`);
  return lines.join("\n") + "\n}\n";
}

function entries(v: Json | undefined): [string, Json][] {
  if (v === undefined || v === null || typeof v !== "object" || Array.isArray(v)) return [];
  return Object.entries(v).filter(([k]) => k !== "//");
}

function asList(v: Json): JsonObject[] {
  return (Array.isArray(v) ? v : [v]) as JsonObject[];
}

function terraformBlock(t: JsonObject): string {
  const lines = ["terraform {"];
  for (const [k, v] of entries(t)) {
    if (k === "required_providers")
      lines.push("  required_providers {", ...indent(indent(attributes(v as JsonObject))), "  }");
    else if (k === "backend")
      for (const [kind, config] of entries(v))
        lines.push(...indent(block(["backend", kind], config).trimEnd().split("\n")));
    else lines.push(...indent(attributes({ [k]: v })));
  }
  return lines.join("\n") + "\n}\n";
}

function variableBlock(name: string, v: JsonObject): string {
  // a variable's type is a type expression, written bare (in JSON it is a string)
  const items = entries(v).map(([k, x]) => ({ key: k, value: k === "type" ? [x as string] : value(x).split("\n") }));
  return [`variable ${quote(name)} {`, ...indent(aligned(items)), "}\n"].join("\n");
}

/** `<labels...> { body }`; `blocks`: the body's keys that are nested blocks. */
function block(labels: string[], body: Json, blocks?: ReadonlySet<string>): string {
  const [keyword, ...names] = labels;
  const head = [keyword, ...names.map(quote)].join(" ");
  return `${head} {\n${bodyLines(body as JsonObject, blocks).join("\n")}${entries(body).length > 0 ? "\n" : ""}}\n`;
}

function bodyLines(body: JsonObject, blocks?: ReadonlySet<string>): string[] {
  const attrs: JsonObject = {};
  const nested: string[] = [];
  for (const [k, v] of entries(body)) {
    if (blocks?.has(k)) {
      for (const b of asList(v)) nested.push(...indent(block([k], b).trimEnd().split("\n")));
    } else if (k === "depends_on") {
      // references, written bare: in JSON they are strings naming the addresses
      attrs[k] = (v as string[]).map((a) => `\${${a}}`);
    } else attrs[k] = v;
  }
  return [...indent(attributes(attrs)), ...nested];
}

/** `key = value` lines, aligned as `terraform fmt` aligns them. */
function attributes(obj: JsonObject): string[] {
  return aligned(entries(obj).map(([k, v]) => ({ key: identifierOrQuoted(k), value: value(v).split("\n") })));
}

function aligned(items: { key: string; value: string[] }[]): string[] {
  const out: string[] = [];
  let group: { key: string; value: string[] }[] = [];
  const flush = () => {
    const width = Math.max(0, ...group.map((g) => g.key.length));
    for (const g of group) {
      out.push(`${g.key.padEnd(width)} = ${g.value[0]}`, ...g.value.slice(1));
    }
    group = [];
  };
  for (const item of items) {
    // terraform fmt aligns runs of single-line attributes; one spanning lines stands alone
    if (item.value.length > 1) {
      flush();
      group = [item];
      flush();
    } else group.push(item);
  }
  flush();
  return out;
}

function value(v: Json): string {
  if (v === null) return "null";
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  if (typeof v === "string") return template(v);
  if (Array.isArray(v)) {
    const items = v.map(value);
    if (items.every((i) => !i.includes("\n")) && items.join(", ").length <= 80) return `[${items.join(", ")}]`;
    return ["[", ...indent(items.map((i) => `${i},`).flatMap((i) => i.split("\n"))), "]"].join("\n");
  }
  if (entries(v).length === 0) return "{}";
  return ["{", ...indent(attributes(v)), "}"].join("\n");
}

function indent(lines: string[]): string[] {
  return lines.map((l) => (l === "" ? l : `  ${l}`));
}

/** A key as a bare identifier when it is one, else quoted. */
function identifierOrQuoted(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : template(k);
}

function quote(label: string): string {
  return `"${label.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * A JSON string is a Terraform template, as an HCL quoted string is: `${...}` and `%{...}` mean the same in
 * both, and `$${` / `%%{` escape them in both. A string that is one whole interpolation becomes the bare
 * expression; otherwise the literal text is escaped for HCL and the interpolations are copied unchanged.
 */
export function template(s: string): string {
  const parts = splitTemplate(s);
  if (parts.length === 1 && parts[0].expr && s.startsWith("${")) return s.slice(2, -1).trim();
  return `"${parts.map((p) => (p.expr ? p.text : escapeLiteral(p.text))).join("")}"`;
}

function escapeLiteral(s: string): string {
  return s.replace(/[\\"\n\r\t]/g, (c) => ({ "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c]!);
}

/** Splits a template into literal text and `${...}`/`%{...}` sequences (braces and quoted strings balanced). */
function splitTemplate(s: string): { text: string; expr: boolean }[] {
  const parts: { text: string; expr: boolean }[] = [];
  let literal = "";
  let i = 0;
  while (i < s.length) {
    const two = s.slice(i, i + 3);
    if (two === "$${" || two === "%%{") {
      literal += two;
      i += 3;
      continue;
    }
    if ((s[i] === "$" || s[i] === "%") && s[i + 1] === "{") {
      const end = closingBrace(s, i + 2);
      if (literal) parts.push({ text: literal, expr: false });
      literal = "";
      parts.push({ text: s.slice(i, end + 1), expr: true });
      i = end + 1;
      continue;
    }
    literal += s[i];
    i++;
  }
  if (literal || parts.length === 0) parts.push({ text: literal, expr: false });
  return parts;
}

function closingBrace(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      // a quoted string inside the expression: skip to its end (escapes included)
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === "\\") i++;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  throw new Error(`internal: unterminated interpolation in ${JSON.stringify(s)}`);
}
