/**
 * A template literal built as one flat string. A plain template literal past a dozen characters is a tree of
 * V8 cons strings, one node per part, and the plan keeps its addresses, descriptions and reasons to the end:
 * as trees they were about twice the memory (and the garbage collector's copying). `flat\`${a} from ${b}\`` reads
 * like the template and gives the same text.
 */
export function flat(strings: TemplateStringsArray, ...values: unknown[]): string {
  const parts: string[] = [strings[0]];
  for (let i = 0; i < values.length; i++) parts.push(String(values[i]), strings[i + 1]);
  return parts.join("");
}
