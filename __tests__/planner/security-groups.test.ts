/** Security group rule quotas: lossless merging, then splitting, never a wider rule. */
import fc from "fast-check";
import {
  aggregateCidrs,
  contains,
  indexHolding,
  mergedBlocks,
  overlaps,
  overlapsAny,
  parseCidr,
  type Cidr,
} from "../../src/cidr";
import { planSecurityGroups, type SgClient } from "../../src/planner/decisions/security-group";
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

describe("merged blocks searched by address (indexHolding, overlapsAny)", () => {
  // blocks anywhere in 10.0.0.0/16, from /16 to /28: nested, adjacent, apart
  const block = fc.tuple(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 16, max: 28 })).map(([n, p]) => {
    // the host bits cleared: a block in canonical form
    const start = (n >>> (32 - p)) << (32 - p);
    return `10.0.${start >>> 8}.${start & 255}/${p}`;
  });

  test("agree with a search of every block (property, 300 runs)", () => {
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 40 }),
        fc.array(block, { minLength: 1, maxLength: 20 }),
        (input, asked) => {
          const blocks = mergedBlocks(input);
          for (const c of asked.map((t) => parseCidr(t) as Cidr)) {
            expect(c.addr).toBeDefined(); // generated in canonical form
            const holding = blocks.findIndex((b) => contains(b, c));
            expect(indexHolding(blocks, c)).toBe(holding);
            expect(overlapsAny(blocks, c)).toBe(blocks.some((b) => overlaps(b, c)));
          }
        },
      ),
      { numRuns: 300, seed: 77 },
    );
  });

  test.each([
    ["10.0.1.0/24", 1, true],
    ["10.0.1.128/25", 1, true],
    ["10.0.0.0/16", -1, true],
    ["10.0.3.0/24", -1, false],
    ["10.0.9.0/24", 2, true],
  ])("%s: held by block %d of 10.0.0.0/26, 10.0.1.0/24, 10.0.8.0/22; overlaps one: %s", (cidr, at, overlapping) => {
    const blocks = mergedBlocks(["10.0.8.0/22", "10.0.0.0/26", "10.0.1.0/24"]);
    expect(indexHolding(blocks, parseCidr(cidr) as Cidr)).toBe(at);
    expect(overlapsAny(blocks, parseCidr(cidr) as Cidr)).toBe(overlapping);
  });
});

describe("planSecurityGroups past 60 clients", () => {
  const subnet = (name: string, cidr: string): SgClient => ({ name, id: `subnet-${name}`, cidr });

  test("each merged rule names exactly the subnets inside its block, in name order", () => {
    // 64 adjacent /24s merge into one /18; 10 scattered ones stay apart
    const adjacent = Array.from({ length: 64 }, (_, i) => subnet(`a${i}`, `10.1.${i}.0/24`));
    const scattered = Array.from({ length: 10 }, (_, i) => subnet(`b${i}`, `10.2.${i * 2}.0/24`));
    const groups = planSecurityGroups({
      vpc: "main",
      service: "ssm",
      address: "main_ssm",
      ports: [443],
      requesters: [...scattered, ...adjacent].reverse(),
      allowedCidrs: [],
      explain: false,
    }).decision;
    const rules = groups.flatMap((g) => g.ingress);
    expect(rules.map((r) => r.cidr)).toEqual(["10.1.0.0/18", ...scattered.map((s) => s.cidr)]);
    expect(rules[0].subnets).toEqual(adjacent.map((s) => s.name).sort());
    expect(rules.slice(1).map((r) => r.subnets)).toEqual(scattered.map((s) => [s.name]));
    expect(rules[1].description).toBe("ssm from subnet b0 (subnet-b0)");
  });
});

describe("the rules' facts (SecurityGroupRules) agree with the rules made from them", () => {
  // names that sanitize into tails alike (a_b, a-b), CIDRs repeated, renames, IPv6 blocks, /0 entries
  const client = fc.record({
    name: fc.constantFrom("a", "b", "a_b", "a-b", "cidr_10_0_0_0_8", "app", "app2"),
    id: fc.constantFrom("subnet-1", "subnet-2"),
    cidr: fc.constantFrom("10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/23", "10.0.0.0/8", "0.0.0.0/0"),
    // renamed rarely: most runs then have no move at all (the facts' `moved` false is checked)
    renamedFrom: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 19 },
      { arbitrary: fc.constantFrom("old", "a"), weight: 1 },
    ),
    ipv6Cidr: fc.option(fc.constantFrom("2001:db8::/64", "::/0"), { nil: undefined }),
    label: fc.option(fc.constantFrom("spoke/a", "spoke/b"), { nil: undefined }),
  });
  const input = fc.record({
    clients: fc.array(client, { maxLength: 70 }),
    allowedCidrs: fc.array(fc.constantFrom("10.0.0.0/8", "192.168.0.0/16", "0.0.0.0/0", "10.0.1.0/24"), {
      maxLength: 3,
    }),
    groups: fc.array(fc.constantFrom("sg-0123", "sg-0456"), { maxLength: 2 }),
    lattice: fc.option(fc.array(fc.constantFrom(443, 8080, 5432), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    ipv6: fc.boolean(),
    renamedVpc: fc.boolean(),
  });
  test("count, the open block, moves, distinct addresses and the admitted blocks", () => {
    let unmoved = 0;
    fc.assert(
      fc.property(input, (x) => {
        // a list of subnets without repeated names, as a VPC's
        const clients = x.clients.filter((c, i) => x.clients.findIndex((d) => d.name === c.name) === i);
        const r = planSecurityGroups({
          vpc: "main",
          service: "ssm",
          address: "main_ssm",
          previousAddress: x.renamedVpc ? "old_ssm" : "main_ssm",
          ports: x.lattice ? [...new Set(x.lattice)] : [443],
          portInAddress: x.lattice !== undefined,
          requesters: clients,
          allowedCidrs: x.allowedCidrs,
          allowedSecurityGroups: x.groups,
          ipv6: x.ipv6,
          explain: false,
        });
        const rules = r.decision.flatMap((g) => g.ingress);
        expect(r.rules.count).toBe(rules.length);
        expect(r.rules.open).toBe(rules.find((q) => q.cidr.endsWith("/0"))?.cidr);
        if (!r.rules.moved) {
          unmoved++;
          expect(rules.filter((q) => q.movedFrom !== undefined)).toEqual([]);
        }
        if (r.rules.distinctTails) {
          expect(new Set(rules.map((q) => q.address)).size).toBe(rules.length);
          for (const q of rules) expect(q.address.startsWith("main_ssm_")).toBe(true);
        }
        expect(r.rules.admitted()).toEqual(mergedBlocks(rules.filter((q) => q.kind === "ipv4").map((q) => q.cidr)));
        // the same rules on every read
        expect(r.decision.flatMap((g) => g.ingress)).toEqual(rules);
        expect(r.decision[0].ingress).toBe(r.decision[0].ingress);
      }),
      { seed: 7, numRuns: 400 },
    );
    // both ways of `moved` were checked
    expect(unmoved).toBeGreaterThan(20);
  });

  test("a plan's groups print, spread and compare as plain objects: ingress last, made on first read", () => {
    const r = planSecurityGroups({
      vpc: "main",
      service: "ssm",
      address: "main_ssm",
      ports: [443],
      requesters: [{ name: "a", id: "subnet-1", cidr: "10.0.0.0/24" }],
      allowedCidrs: [],
      explain: false,
    });
    const [g] = r.decision;
    expect(Object.keys(g)).toEqual(["address", "name", "description", "ingress"]);
    expect(JSON.parse(JSON.stringify(g)).ingress).toEqual([
      {
        address: "main_ssm_a",
        kind: "ipv4",
        cidr: "10.0.0.0/24",
        port: 443,
        description: "ssm from subnet a (subnet-1)",
        subnets: ["a"],
      },
    ]);
    expect({ ...g }).toEqual(g);
  });
});
