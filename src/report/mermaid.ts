/**
 * A Mermaid flowchart per VPC, from the plan: the subnets grouped by zone,
 * the endpoints beside them, gateway and interface endpoints in different
 * shapes and colours, and the subnets whose DNS an endpoint captures marked.
 * Node ids come from names (never list positions), so a diagram does not
 * change when specs are reordered; labels are quoted and escaped, so no name
 * or value can end a label or start Mermaid syntax.
 */
import { typeLabel } from "./endpoint-type";
import { compareStrings } from "../order";
import type { EndpointPlan, VpcPlan } from "../planner/plan";
import { counted } from "../text";

/**
 * Mermaid's own defaults (`maxEdges`, `maxTextSize`): GitHub draws nothing but an error for a diagram past either,
 * so such a diagram is left out with a note instead.
 */
export const MERMAID_LIMITS = { edges: 500, chars: 50_000 } as const;

/** What the planned subnet is known by: the plan names it as a requester, an ENI subnet or a captured subnet. */
export interface SubnetFacts {
  readonly name: string;
  /** Zone as the spec gives it (`az` or `azId`); absent for a subnet the plan names only as captured. */
  readonly az?: string;
  readonly cidr?: string;
}

/**
 * Every subnet the VPC's endpoints name, sorted by name. A subnet that asks for nothing and is captured by
 * nothing does not appear in the plan, nor here.
 */
export function vpcSubnets(opts: { vpc: VpcPlan }): SubnetFacts[] {
  const found = new Map<string, { name: string; az?: string; cidr?: string }>();
  const at = (name: string) => {
    let s = found.get(name);
    if (!s) found.set(name, (s = { name }));
    return s;
  };
  for (const e of opts.vpc.endpoints) {
    for (const r of e.requesters) Object.assign(at(r.subnet), { az: r.az, cidr: r.cidr });
    for (const p of e.subnets) at(p.subnet).az ??= p.az;
    for (const c of e.dnsCaptured) at(c);
  }
  for (const c of opts.vpc.useHub?.clients ?? []) Object.assign(at(c.subnet), { az: c.az, cidr: c.cidr });
  return [...found.values()].sort((a, b) => compareStrings(a.name, b.name));
}

/** The names of vpcSubnets, without its facts or order: what diagnostics match message words against. */
export function vpcSubnetNames(opts: { vpc: VpcPlan; into: Set<string> }): void {
  const { into } = opts;
  // endpoints asked for by the same subnets share their lists (the planner makes them once): each list is walked
  // once when its endpoints come one after another, as they mostly do
  let requesters: EndpointPlan["requesters"] | undefined;
  let subnets: EndpointPlan["subnets"] | undefined;
  for (const e of opts.vpc.endpoints) {
    if (e.requesters !== requesters) for (const r of (requesters = e.requesters)) into.add(r.subnet);
    if (e.subnets !== subnets) for (const p of (subnets = e.subnets)) into.add(p.subnet);
    for (const c of e.dnsCaptured) into.add(c);
  }
  for (const c of opts.vpc.useHub?.clients ?? []) into.add(c.subnet);
}

/** Short codes after `_` for the characters names and endpoint keys hold; none of them is a hex digit. */
const ID_CODES: Readonly<Record<string, string>> = { _: "_", "-": "h", ".": "p", "/": "s" };

/**
 * A Mermaid node id from a name: letters and digits stay, `_` becomes `__`, `-` `_h`, `.` `_p`, `/` `_s`, any
 * other character `_<hex>_`. Prefix-free, so two different names never share an id.
 */
export function mermaidId(opts: { prefix: string; name: string }): string {
  let id = opts.prefix;
  for (const ch of opts.name) {
    if (/[A-Za-z0-9]/.test(ch)) id += ch;
    else id += `_${ID_CODES[ch] ?? `${ch.codePointAt(0)!.toString(16)}_`}`;
  }
  return id;
}

/**
 * Text inside a quoted Mermaid label: every character Mermaid or the HTML it renders to treats specially
 * becomes an entity code (`#quot;`, `#35;`), so a value can neither close the label nor inject markup.
 */
export function mermaidText(text: string): string {
  return text.replace(/[^A-Za-z0-9 .,:/_+=@-]/g, (ch) => (ch === '"' ? "#quot;" : `#${ch.codePointAt(0)};`));
}

/** A quoted label of lines (already plain text; each line escaped here). */
function label(lines: readonly string[]): string {
  return `"${lines.map(mermaidText).join("<br/>")}"`;
}

const CLASSES = [
  "classDef gateway fill:#e6f4ea,stroke:#1e8e3e,stroke-width:2px,color:#0d652d",
  "classDef interface fill:#e8f0fe,stroke:#1967d2,stroke-width:2px,color:#174ea6",
  "classDef subnet fill:#f8f9fa,stroke:#5f6368,color:#202124",
  "classDef captured fill:#fce8e6,stroke:#d93025,stroke-width:3px,stroke-dasharray:6 3,color:#a50e0e",
];
/** Drawn only in the diagrams of hubs and spokes, so other diagrams keep their bytes. */
const HUB_CLASS = "classDef hub fill:#fef7e0,stroke:#e37400,stroke-width:2px,color:#b06000";

/** What the shapes, lines and colours of the diagrams mean, for the text under them. */
export const DIAGRAM_LEGEND =
  "Hexagon (green): gateway endpoint, on the route tables of the subnets that ask. " +
  "Rounded (blue): interface endpoint. Solid arrow: the subnet asks for the service. " +
  "Dotted line: an ENI of the endpoint in that subnet. " +
  "Red dashed subnet and dotted line ending in x: private DNS sends the subnet to an endpoint that does not admit it.";

/** The legend of the hub and spoke nodes, added where a plan has hubs. */
export const HUB_LEGEND =
  "Orange: a hub's spoke VPC (thick arrows to the hub endpoints it uses), or the hub a spoke's subnets use.";

export interface Diagram {
  readonly text: string;
  readonly edges: number;
}

/** The endpoint's id in its VPC's diagram: from its key without the VPC (`s3`, `s3/interface`), unique there. */
function endpointId(e: EndpointPlan): string {
  const own = e.key.startsWith(`${e.vpc}/`) ? e.key.slice(e.vpc.length + 1) : e.key;
  return mermaidId({ prefix: "e_", name: own });
}

function endpointNode(e: EndpointPlan): string {
  const id = endpointId(e);
  if (e.type === "Gateway") return `${id}{{${label([e.service, "gateway"])}}}`;
  const enis = counted({ n: e.subnets, one: "ENI" });
  return `${id}([${label([e.service, `${typeLabel(e)}, ${enis}`])}])`;
}

/**
 * The VPC's flowchart: one subgraph per zone holding its subnets (subnets the plan names only as captured, with
 * no zone, in one group of their own), then the endpoints; links from each subnet to the endpoints it asks for,
 * from each interface endpoint to its ENI subnets, and from each captured subnet to the endpoints that capture it.
 */
export function vpcDiagram(opts: { vpc: VpcPlan }): Diagram {
  const { vpc } = opts;
  const subnetId = (name: string) => mermaidId({ prefix: "s_", name });
  const subnets = vpcSubnets({ vpc });
  const capturedBy = new Map<string, string[]>();
  for (const e of vpc.endpoints)
    for (const c of e.dnsCaptured) capturedBy.set(c, [...(capturedBy.get(c) ?? []), e.service]);

  const lines = ["flowchart LR"];
  const zones = [...new Set(subnets.map((s) => s.az ?? ""))].sort(compareStrings);
  for (const zone of zones) {
    const title = zone === "" ? "zone not in the plan" : zone;
    lines.push(`  subgraph ${mermaidId({ prefix: "z_", name: zone })}[${label([title])}]`);
    for (const s of subnets.filter((x) => (x.az ?? "") === zone)) {
      const captured = capturedBy.get(s.name);
      const text = [s.name, ...(s.cidr ? [s.cidr] : [])];
      if (captured) text.push(`DNS captured: ${captured.join(", ")}`);
      lines.push(`    ${subnetId(s.name)}[${label(text)}]`);
    }
    lines.push("  end");
  }
  for (const e of vpc.endpoints) lines.push(`  ${endpointNode(e)}`);

  let edges = 0;
  const link = (from: string, arrow: string, to: readonly string[]) => {
    if (to.length === 0) return;
    edges += to.length;
    lines.push(`  ${from} ${arrow} ${to.join(" & ")}`);
  };
  for (const s of subnets)
    link(
      subnetId(s.name),
      "-->",
      vpc.endpoints.filter((e) => e.requesters.some((r) => r.subnet === s.name)).map(endpointId),
    );
  for (const e of vpc.endpoints)
    link(
      endpointId(e),
      "-.-",
      e.subnets.map((p) => subnetId(p.subnet)),
    );
  for (const s of subnets)
    link(subnetId(s.name), "-.-x", vpc.endpoints.filter((e) => e.dnsCaptured.includes(s.name)).map(endpointId));
  // hubs and spokes: a hub's diagram draws each spoke VPC to the endpoints it uses; a spoke's its subnets to the hub
  const hubNodes: string[] = [];
  for (const spoke of vpc.hub?.spokes ?? []) {
    const id = mermaidId({ prefix: "v_", name: `${spoke.stack}/${spoke.vpc}` });
    hubNodes.push(id);
    const text = [`spoke ${spoke.stack}/${spoke.vpc}`, ...(spoke.crossAccount ? ["other account"] : [])];
    lines.push(`  ${id}[${label(text)}]`);
    const used = vpc.endpoints.filter((e) => e.type === "Interface" && spoke.services.includes(e.service));
    link(id, "==>", used.map(endpointId));
  }
  if (vpc.useHub && vpc.useHub.services.length > 0) {
    const id = mermaidId({ prefix: "v_", name: `${vpc.useHub.stack}/${vpc.useHub.vpc}` });
    hubNodes.push(id);
    lines.push(`  ${id}[${label([`hub ${vpc.useHub.stack}/${vpc.useHub.vpc}`, vpc.useHub.services.join(", ")])}]`);
    const asking = [...new Set(vpc.useHub.clients.map((c) => c.subnet))].sort(compareStrings);
    for (const s of asking) link(subnetId(s), "==>", [id]);
  }

  lines.push(...CLASSES.map((c) => `  ${c}`));
  if (hubNodes.length > 0) lines.push(`  ${HUB_CLASS}`);
  const classed = (name: string, ids: readonly string[]) => {
    if (ids.length > 0) lines.push(`  class ${ids.join(",")} ${name}`);
  };
  classed("gateway", vpc.endpoints.filter((e) => e.type === "Gateway").map(endpointId));
  // VPC Lattice endpoints have ENIs like interface endpoints and are drawn like them
  classed("interface", vpc.endpoints.filter((e) => e.type !== "Gateway").map(endpointId));
  classed(
    "subnet",
    subnets.filter((s) => !capturedBy.has(s.name)).map((s) => subnetId(s.name)),
  );
  classed("hub", hubNodes);
  classed(
    "captured",
    subnets.filter((s) => capturedBy.has(s.name)).map((s) => subnetId(s.name)),
  );
  return { text: lines.join("\n"), edges };
}

/** Why a diagram is not drawn when it passes Mermaid's limits; undefined when it is within them. */
export function tooLarge(opts: { diagram: Diagram }): string | undefined {
  const { edges, text } = opts.diagram;
  if (edges > MERMAID_LIMITS.edges)
    return `${counted({ n: edges, one: "link" })}: Mermaid draws at most ${MERMAID_LIMITS.edges}`;
  if (text.length > MERMAID_LIMITS.chars)
    return `${text.length} characters: Mermaid draws at most ${MERMAID_LIMITS.chars}`;
  return undefined;
}
