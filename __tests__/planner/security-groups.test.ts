/** Security group rule quotas: lossless merging, then splitting, never a wider rule. */
import fc from "fast-check";
import { aggregateCidrs, contains, parseCidr, type Cidr } from "../../src/cidr";
import { BASE, pipelineOf } from "../helpers";

function ssmGroups(allowed: string[]) {
  const r = pipelineOf({ "a.yaml": BASE + `    endpoints:\n      ssm: { allowedCidrs: [${allowed.join(", ")}] }\n` });
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.code).join());
  return r.plan.stacks[0].vpcs[0].endpoints.find((e) => e.service === "ssm")!.securityGroups;
}

describe("security group rule limits", () => {
  test("up to 60 rules: one group, one rule per subnet or CIDR", () => {
    const groups = ssmGroups(Array.from({ length: 58 }, (_, i) => `192.168.${i * 2}.0/24`));
    expect(groups).toHaveLength(1);
    expect(groups[0].ingress).toHaveLength(60);
  });

  test("61 adjacent blocks are merged into blocks covering exactly the same addresses", () => {
    const allowed = Array.from({ length: 64 }, (_, i) => `192.168.${i}.0/24`);
    const groups = ssmGroups(allowed);
    expect(groups).toHaveLength(1);
    expect(groups[0].ingress.map((r) => r.cidr)).toEqual(["10.20.1.0/24", "10.20.2.0/24", "192.168.0.0/18"]);
  });

  test("61 scattered blocks are spread over two groups, both attached", () => {
    const groups = ssmGroups(Array.from({ length: 59 }, (_, i) => `192.168.${i * 2}.0/24`));
    expect(groups.map((g) => g.ingress.length)).toEqual([60, 1]);
    expect(groups.map((g) => g.address)).toEqual(["main_ssm", "main_ssm_2"]);
  });
});

describe("aggregateCidrs", () => {
  const addr = (c: Cidr, offset: number) => {
    const b = c.addr.toByteArray();
    const n = (((b[0] << 24) >>> 0) + (b[1] << 16) + (b[2] << 8) + b[3] + offset) >>> 0;
    return parseCidr(`${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/32`) as Cidr;
  };
  const block = fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 20, max: 28 }))
    .map(([a, b, p]) => {
      const c = parseCidr(`10.${a}.${b}.0/${p}`);
      return "addr" in c ? c.text : `10.${a}.0.0/16`;
    })
    .filter((t) => "addr" in parseCidr(t));

  test("admits exactly the addresses of the input (property, 300 runs)", () => {
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 4095 }), { minLength: 20, maxLength: 20 }),
        (input, offsets) => {
          const inBlocks = input.map((t) => parseCidr(t) as Cidr);
          const outBlocks = aggregateCidrs(input).map((t) => parseCidr(t) as Cidr);
          // every output block lies inside the union of the input blocks: sample addresses of each
          for (const o of outBlocks) {
            for (const off of offsets) {
              const a = addr(o, off % 2 ** (32 - o.prefix));
              expect(inBlocks.some((i) => contains(i, a))).toBe(true);
            }
          }
          // every input block is covered by the output
          for (const i of inBlocks) expect(outBlocks.some((o) => contains(o, i))).toBe(true);
          expect(outBlocks.length).toBeLessThanOrEqual(new Set(input).size);
        },
      ),
      { numRuns: 300, seed: 4242 },
    );
  });

  test.each([
    [["10.0.0.0/24", "10.0.1.0/24"], ["10.0.0.0/23"]],
    [
      ["10.0.1.0/24", "10.0.2.0/24"],
      ["10.0.1.0/24", "10.0.2.0/24"],
    ],
    [["10.0.0.0/16", "10.0.5.0/24"], ["10.0.0.0/16"]],
    [["10.0.0.0/25", "10.0.0.128/25", "10.0.1.0/24"], ["10.0.0.0/23"]],
  ])("%j -> %j", (input, expected) => {
    expect(aggregateCidrs(input)).toEqual(expected);
  });
});
