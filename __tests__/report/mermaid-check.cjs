// Parses Mermaid diagrams with Mermaid's own parser, as GitHub's renderer would.
// Jest cannot load Mermaid (ESM only), so tests run this file with node in a child process.
// stdin: a JSON array of diagram texts. stdout: a JSON array, per diagram `null` when it parses, else the
// parser's message. Exit code 0 when every diagram parses, 1 when one does not, 2 on bad input.
"use strict";
const { JSDOM } = require("jsdom");

async function main() {
  // Mermaid reads window and document (DOMPurify and its setup) even when it only parses.
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
  globalThis.window = dom.window;
  globalThis.document = dom.window.document;
  for (const name of ["Element", "HTMLElement", "SVGElement", "Node", "DOMParser"])
    if (!(name in globalThis)) globalThis[name] = dom.window[name];
  const { default: mermaid } = await import("mermaid");
  mermaid.initialize({ startOnLoad: false });

  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  let texts;
  try {
    texts = JSON.parse(input);
    if (!Array.isArray(texts) || !texts.every((t) => typeof t === "string")) throw new Error("not an array of strings");
  } catch (e) {
    process.stderr.write(`mermaid-check: stdin must be a JSON array of strings: ${e.message}\n`);
    return 2;
  }
  const results = [];
  for (const text of texts) {
    try {
      // parse() throws on a syntax error, and on Mermaid's own limits such as maxEdges.
      await mermaid.parse(text);
      results.push(null);
    } catch (e) {
      results.push(String((e && e.message) || e));
    }
  }
  process.stdout.write(JSON.stringify(results));
  return results.every((r) => r === null) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`mermaid-check: ${(e && e.stack) || e}\n`);
    process.exit(2);
  },
);
