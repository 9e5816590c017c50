/** `vpce plan --format markdown` on the examples: summary numbers, warnings, costs, diagrams. */
import * as path from "node:path";
import { runPipeline } from "../../src/pipeline";
import type { EndpointPlan, VpcPlan } from "../../src/planner/plan";
import { monthlyUsd, stackMonthlyUsd } from "../../src/report/cost";
import {
  codeSpan,
  dollars,
  GITHUB_COMMENT_LIMIT,
  MARKER,
  mdText,
  renderMarkdown,
  usd,
} from "../../src/report/markdown";
import { MERMAID_LIMITS, mermaidId, mermaidText, tooLarge, vpcDiagram } from "../../src/report/mermaid";
import { ROOT } from "../helpers";
import { reversedCopy } from "../reorder";
import { bytes, diagramsOf, parseDiagrams, tablesOf } from "./markdown-support";

const examples = runPipeline(path.join(ROOT, "specs"));
const plan = examples.plan!;
const md = renderMarkdown({ plan, diagnostics: examples.diagnostics, gbPerMonth: 0 });
const vpcs = plan.stacks.flatMap((s) => s.vpcs.map((v) => ({ stack: s, vpc: v })));
const endpoints = vpcs.flatMap((x) => x.vpc.endpoints);
const eksProd = vpcs.find((x) => x.vpc.name === "eks-prod")!.vpc;

/** The diagram lines that define node `id`, and the `class` line that lists it. */
function node(diagram: string, id: string): { def: string; cls: string } {
  const lines = diagram.split("\n").map((l) => l.trim());
  const def = lines.find((l) => l.startsWith(`${id}[`) || l.startsWith(`${id}(`) || l.startsWith(`${id}{`));
  const cls = lines.find((l) => l.startsWith("class ") && l.split(" ")[1].split(",").includes(id));
  return { def: def ?? "", cls: cls?.split(" ")[2] ?? "" };
}

const endpointId = (e: EndpointPlan) => mermaidId({ prefix: "e_", name: e.key.slice(e.vpc.length + 1) });

describe("summary", () => {
  test("starts with the marker and a heading of the plan's endpoint count, VPC count and monthly cost", () => {
    const total = plan.stacks.reduce((n, s) => n + stackMonthlyUsd(s), 0);
    expect(md.split("\n")[0]).toBe(MARKER);
    expect(md).toContain(`### vpce plan: ${endpoints.length} endpoints in ${vpcs.length} VPCs, ${usd(total)}/month`);
  });

  test("stacks, VPCs, gateway and interface endpoints and ENIs equal the plan's", () => {
    const gateway = endpoints.filter((e) => e.type === "Gateway").length;
    const interfaces = endpoints.filter((e) => e.type === "Interface");
    const enis = interfaces.reduce((n, e) => n + e.subnets.length, 0);
    const lattice = endpoints.filter((e) => e.type === "Resource" || e.type === "ServiceNetwork");
    expect(lattice.length).toBeGreaterThan(0);
    expect(md).toContain(
      `${plan.stacks.length} stacks, ${vpcs.length} VPCs, ${endpoints.length} endpoints: ${gateway} gateway (free), ` +
        `${interfaces.length} interface with ${enis} ENIs`,
    );
    // VPC Lattice endpoints are counted apart, and their hours are not priced (rather than shown as free)
    const latticeEnis = lattice.reduce((n, e) => n + e.subnets.length, 0);
    expect(md).toContain(
      `; ${lattice.length} VPC Lattice with ${latticeEnis} ENI${latticeEnis === 1 ? "" : "s"} (not priced).`,
    );
  });

  test("a totals row per VPC: its endpoints by type, ENIs and hourly cost", () => {
    const totals = tablesOf(md)[0];
    expect(totals[0]).toEqual(["stack", "VPC", "region", "endpoints", "ENIs", "\\$/month (hours)"]);
    expect(totals.slice(2)).toEqual(
      vpcs.map(({ stack, vpc }) => {
        const gw = vpc.endpoints.filter((e) => e.type === "Gateway").length;
        const iface = vpc.endpoints.filter((e) => e.type === "Interface").length;
        const lattice = vpc.endpoints.length - gw - iface;
        const cost = vpc.endpoints.reduce((n, e) => n + monthlyUsd(e), 0);
        return [
          stack.stack,
          `${vpc.name} (\`${vpc.id}\`)`,
          stack.region,
          `${vpc.endpoints.length} (${gw} gateway, ${iface} interface${lattice > 0 ? `, ${lattice} VPC Lattice` : ""})`,
          String(vpc.endpoints.reduce((n, e) => n + e.subnets.length, 0)),
          usd(cost),
        ];
      }),
    );
  });

  test("every warning code with its count, before any detail", () => {
    const counts = new Map<string, number>();
    for (const d of examples.diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(["FULL_ACCESS_POLICY", "PRIVATE_DNS_CAPTURE"]);
    const line = md.split("\n").find((l) => l.startsWith("**2 warnings**"));
    expect(line).toBe("**2 warnings**: `FULL_ACCESS_POLICY` 1, `PRIVATE_DNS_CAPTURE` 1");
    expect(md.indexOf(line!)).toBeLessThan(md.indexOf("<details>"));
  });

  test("without a volume: hourly costs, and a note that data cost needs one (and spec volumes come later)", () => {
    expect(md).toMatch(/Data cost needs a volume: `vpce plan --format markdown --gb-per-month N`/);
    expect(md).toMatch(/Per-service volumes in the spec are planned, not yet read\./);
    expect(md).not.toMatch(/via NAT/);
  });
});

describe("warnings", () => {
  test("every diagnostic appears with its code, file:line:col, path and the subnets it names", () => {
    expect(examples.diagnostics).toHaveLength(2);
    for (const d of examples.diagnostics) {
      const item = md.split("\n").find((l) => l.includes(`**\`${d.code}\`** in \`${d.file}:${d.pos!.line}:`));
      expect(item).toBeDefined();
      expect(item).toContain(`${d.file}:${d.pos!.line}:${d.pos!.col}\` at ${codeSpan(d.path)}`);
      expect(md).toContain(mdText(d.message));
    }
    const capture = md.split("\n").find((l) => l.includes("**`PRIVATE_DNS_CAPTURE`**"));
    expect(capture).toContain("(subnets nodes-a, nodes-b, nodes-c):");
    const full = md.split("\n").find((l) => l.includes("**`FULL_ACCESS_POLICY`**"));
    // its message names a VPC and a service, no subnet
    expect(full).not.toContain("subnet");
  });

  test("a plan's diagnostics are folded under a summary that counts them", () => {
    expect(md).toMatch(/<details><summary>2 warnings<\/summary>\n\n- warning \*\*`PRIVATE_DNS_CAPTURE`\*\*/);
  });
});

describe("per VPC", () => {
  test("each VPC's endpoints in a complete table, folded, with its count and cost in the summary", () => {
    for (const { vpc } of vpcs) {
      const cost = vpc.endpoints.reduce((n, e) => n + monthlyUsd(e), 0);
      const head =
        `<details><summary><b>${vpc.name}</b> (${vpc.id}): ${vpc.endpoints.length} endpoints, ` +
        `&#36;${dollars(cost).slice(1)}/month`;
      expect(md).toContain(head);
      const after = md.slice(md.indexOf(head));
      const table = tablesOf(after)[0];
      expect(table.slice(2).map((r) => r[0].split("<br>")[0])).toEqual(vpc.endpoints.map((e) => `\`${e.service}\``));
      // an endpoint vpce cannot price (VPC Lattice) reads n/a, never $0.00
      expect(table.slice(2).map((r) => r[5])).toEqual(
        vpc.endpoints.map((e) => (e.unpriced ? "n/a" : usd(monthlyUsd(e)))),
      );
    }
  });

  test("captured subnets are named in the endpoint's row", () => {
    const sqs = md.split("\n").find((l) => l.startsWith("| `sqs` |") && l.includes("endpoints-a"));
    expect(sqs).toContain("**captures** nodes-a, nodes-b, nodes-c");
  });

  test("every table is whole: the same number of cells in each row as in its header", () => {
    const tables = tablesOf(md);
    expect(tables).toHaveLength(1 + vpcs.length);
    for (const t of tables) {
      expect(t[1].every((c) => /^-{3}:?$/.test(c))).toBe(true);
      for (const r of t) expect(r).toHaveLength(t[0].length);
    }
  });
});

describe("with --gb-per-month", () => {
  const gb = renderMarkdown({ plan, diagnostics: examples.diagnostics, gbPerMonth: 100 });

  test("each endpoint's hours plus data beside the same traffic through NAT", () => {
    const s3 = eksProd.endpoints.find((e) => e.service === "s3")!;
    const kms = eksProd.endpoints.find((e) => e.service === "kms")!;
    const rows = tablesOf(gb.slice(gb.indexOf("<b>eks-prod</b>")))[0];
    expect(rows[0].slice(5)).toEqual(["\\$/month (hours + data)", "same traffic via NAT"]);
    const rowOf = (e: EndpointPlan) => rows[2 + eksProd.endpoints.indexOf(e)];
    // gateway: free, data too; NAT: 100 GB x $0.045
    expect(rowOf(s3).slice(5)).toEqual([usd(0), usd(4.5)]);
    // interface: 2 ENIs x 730 h x $0.01 + 100 GB x $0.01
    expect(rowOf(kms).slice(5)).toEqual([usd(14.6 + 1), usd(4.5)]);
  });

  test("per VPC and in total: hours, hours + data, NAT", () => {
    const totals = tablesOf(gb)[0];
    expect(totals[0].slice(5)).toEqual(["\\$/month (hours)", "\\$/month (hours + data)", "same traffic via NAT"]);
    const row = totals.find((r) => r[1].startsWith("eks-prod "))!;
    const hours = eksProd.endpoints.reduce((n, e) => n + monthlyUsd(e), 0);
    const interfaces = eksProd.endpoints.filter((e) => e.type === "Interface").length;
    expect(row.slice(5)).toEqual([usd(hours), usd(hours + interfaces), usd(eksProd.endpoints.length * 4.5)]);
    const all = plan.stacks.reduce((n, s) => n + stackMonthlyUsd(s), 0);
    const allInterfaces = endpoints.filter((e) => e.type === "Interface").length;
    expect(gb).toContain(
      `At 100 GB per endpoint per month: **${usd(all + allInterfaces)}/month** with the data, against ` +
        `**${usd(endpoints.filter((e) => !e.unpriced).length * 4.5)}/month** ` +
        "for the same traffic through NAT gateways.",
    );
    expect(gb).toMatch(/the NAT gateway's own hours are not counted/);
    expect(gb).not.toMatch(/Data cost needs a volume/);
  });
});

describe("diagrams", () => {
  const diagrams = diagramsOf(md);

  test("one per VPC, each parsed by Mermaid's own parser", () => {
    expect(diagrams).toHaveLength(vpcs.length);
    const parsed = parseDiagrams(diagrams);
    expect(parsed.stderr).toBe("");
    expect(parsed.errors).toEqual(diagrams.map(() => null));
    expect(parsed.code).toBe(0);
  });

  test("the checker rejects a broken diagram, and Mermaid's edge limit", () => {
    const tooMany = ["flowchart LR", ...Array.from({ length: MERMAID_LIMITS.edges + 1 }, (_, i) => `a${i} --> b${i}`)];
    const parsed = parseDiagrams([
      diagrams[0],
      'flowchart LR\n  a["x" --> b',
      diagrams[0].replace("  end\n", ""),
      tooMany.join("\n"),
    ]);
    expect(parsed.code).toBe(1);
    expect(parsed.errors[0]).toBeNull();
    expect(parsed.errors[1]).toMatch(/Parse error/);
    expect(parsed.errors[2]).toMatch(/error/i);
    expect(parsed.errors[3]).toMatch(/Edge limit exceeded/);
  });

  test("gateway and interface endpoints differ in shape and class", () => {
    const d = vpcDiagram({ vpc: eksProd }).text;
    for (const e of eksProd.endpoints) {
      const n = node(d, endpointId(e));
      if (e.type === "Gateway") {
        expect(n.def).toMatch(/^\S+\{\{"[^"]+<br\/>gateway"\}\}$/);
        expect(n.cls).toBe("gateway");
      } else {
        expect(n.def).toMatch(/^\S+\(\["[^"]+<br\/>interface, \d ENIs?"\]\)$/);
        expect(n.cls).toBe("interface");
      }
    }
    const style = (cls: string) =>
      d
        .split("\n")
        .find((l) => l.trim().startsWith(`classDef ${cls} `))!
        .trim()
        .split(" ")[2];
    expect(style("gateway")).not.toBe(style("interface"));
  });

  test("subnets whose DNS an endpoint captures are marked, with a link ending in x to each capturing endpoint", () => {
    const d = vpcDiagram({ vpc: eksProd }).text;
    const capturing = eksProd.endpoints.filter((e) => e.dnsCaptured.length > 0);
    expect(capturing.map((e) => e.service)).toEqual(["autoscaling", "kms", "secretsmanager", "sqs", "sts"]);
    for (const s of ["nodes-a", "nodes-b", "nodes-c", "pods-a", "endpoints-a"]) {
      const id = mermaidId({ prefix: "s_", name: s });
      const captured = s.startsWith("nodes-");
      const n = node(d, id);
      expect(n.cls).toBe(captured ? "captured" : "subnet");
      expect(n.def.includes("DNS captured: autoscaling, kms, secretsmanager, sqs, sts")).toBe(captured);
      const link = d.split("\n").find((l) => l.trim().startsWith(`${id} -.-x `));
      expect(link?.trim()).toBe(captured ? `${id} -.-x ${capturing.map(endpointId).join(" & ")}` : undefined);
    }
    expect(d).toMatch(/classDef captured .*stroke-dasharray/);
  });

  test("subnets grouped by zone; ENI links from interface endpoints; request arrows from subnets", () => {
    const d = vpcDiagram({ vpc: eksProd }).text;
    const zone = d.slice(d.indexOf('subgraph z_euc1_haz1["euc1-az1"]'), d.indexOf("\n  end", d.indexOf("z_euc1_haz1")));
    expect(zone).toContain('s_endpoints_hc["endpoints-c"]');
    expect(zone).toContain('s_nodes_hc["nodes-c<br/>10.40.64.0/19');
    expect(zone).not.toContain("nodes-a");
    const kms = eksProd.endpoints.find((e) => e.service === "kms")!;
    expect(d).toContain(`${endpointId(kms)} -.- s_endpoints_ha & s_endpoints_hb`);
    expect(d.split("\n").find((l) => l.trim().startsWith("s_pods_ha --> "))).toContain(endpointId(kms));
  });

  test("ids come from names: reordering the specs changes no diagram", () => {
    const reordered = runPipeline(reversedCopy(path.join(ROOT, "specs")));
    const again = renderMarkdown({ plan: reordered.plan!, diagnostics: reordered.diagnostics, gbPerMonth: 0 });
    expect(diagramsOf(again)).toEqual(diagrams);
  });

  test("labels escape what Mermaid treats specially; such names still parse", () => {
    const weird = ['a"b', "c[d]e", "f#g;h", "<i>&j", "k{l}(m)", "n`o|p"];
    const fake: VpcPlan = {
      name: "v",
      id: "vpc-1",
      cidrs: ["10.0.0.0/16"],
      dnsCheck: false,
      endpoints: weird.map((name, i) => ({
        ...eksProd.endpoints.find((e) => e.service === "kms")!,
        vpc: "v",
        key: `v/${name}`,
        service: name,
        requesters: [
          { subnet: weird[(i + 1) % weird.length], subnetId: "s", cidr: "10.0.0.0/24", az: `z"${i % 2}]`, via: "" },
        ],
        subnets: [{ subnet: weird[(i + 1) % weird.length], subnetId: "s", az: `z"${i % 2}]` }],
        dnsCaptured: [weird[(i + 2) % weird.length]],
      })),
    };
    const d = vpcDiagram({ vpc: fake }).text;
    // every label, its entity codes (#quot; #35;) and line breaks taken out, holds no special character
    const labels = [...d.matchAll(/"([^"]*)"/g)].map((m) => m[1].replace(/<br\/>|#(\d+|quot);/g, ""));
    expect(labels.length).toBeGreaterThan(weird.length * 2);
    for (const l of labels) expect(l).not.toMatch(/["[\]#;<>{}()`|&]/);
    expect(labels).toContain("klminterface, 1 ENI");
    expect(mermaidText('a"b#c;d<e>')).toBe("a#quot;b#35;c#59;d#60;e#62;");
    expect(parseDiagrams([d]).errors).toEqual([null]);
  });

  test("ids: distinct names give distinct ids; only letters, digits and _", () => {
    const names = ["a-b", "a_b", "a.b", "a/b", "a__b", "a_hb", "a-hb", "a_2d_b", "a b", "a\u00e9b"];
    const ids = names.map((name) => mermaidId({ prefix: "s_", name }));
    expect(new Set(ids).size).toBe(names.length);
    for (const id of ids) expect(id).toMatch(/^s_[A-Za-z0-9_]+$/);
  });

  test("a diagram past Mermaid's edge limit is left out with a note, not drawn broken", () => {
    const base = eksProd.endpoints.find((e) => e.service === "kms")!;
    const subnets = Array.from({ length: 30 }, (_, i) => ({
      subnet: `s${i}`,
      subnetId: `subnet-${i}`,
      cidr: `10.0.${i}.0/24`,
      az: `az${i % 3}`,
      via: "services",
    }));
    const big: VpcPlan = {
      ...eksProd,
      endpoints: Array.from({ length: 20 }, (_, i) => ({
        ...base,
        key: `${eksProd.name}/svc${i}`,
        service: `svc${i}`,
        requesters: subnets,
        dnsCaptured: [],
      })),
    };
    const diagram = vpcDiagram({ vpc: big });
    expect(diagram.edges).toBeGreaterThan(MERMAID_LIMITS.edges);
    expect(tooLarge({ diagram })).toMatch(/links: Mermaid draws at most 500$/);
    const stack = { ...plan.stacks[0], vpcs: [big] };
    const text = renderMarkdown({ plan: { stacks: [stack] }, diagnostics: [], gbPerMonth: 0 });
    expect(diagramsOf(text)).toEqual([]);
    expect(text).toContain(`No diagram: ${diagram.edges} links: Mermaid draws at most 500.`);
  });
});

describe("Markdown text", () => {
  test("mdText escapes Markdown, HTML and mentions", () => {
    expect(mdText("a*b_c [d](e) <f> & @team | `g`")).toBe("a\\*b\\_c \\[d\\](e) &lt;f&gt; &amp; &#64;team \\| \\`g\\`");
  });

  test("codeSpan holds backticks; usd groups thousands", () => {
    expect(codeSpan("a`b")).toBe("`` a`b ``");
    expect(codeSpan("plain")).toBe("`plain`");
    expect(dollars(1234567.891)).toBe("$1,234,567.89");
    expect(dollars(0)).toBe("$0.00");
    // GitHub reads text between two bare dollar signs as math
    expect(usd(12.5)).toBe("\\$12.50");
    expect(mdText("$1 and $2")).toBe("\\$1 and \\$2");
  });

  test("no bare dollar sign, which GitHub could pair with another into math", () => {
    for (const gbPerMonth of [0, 100]) {
      const text = renderMarkdown({ plan, diagnostics: examples.diagnostics, gbPerMonth });
      expect(text.match(/(?<!\\)\$/g)).toBeNull();
      expect(text).toContain("&#36;");
    }
  });

  test("the examples stay far under the limit", () => {
    expect(bytes(md)).toBeLessThan(GITHUB_COMMENT_LIMIT / 2);
  });

  test("the examples' markdown", () => {
    expect(md).toMatchSnapshot();
  });
});
