import type { SpecDoc } from "../support";
import { findings, runSpecs, spec, subnet } from "../support";

/** The base spec plus data subnets (10.20.3.0/24, 10.20.4.0/24, ...) asking for `services`, then `edit`. */
const withDataSubnets = (opts: { names: string[]; services?: string[]; edit?: (s: SpecDoc) => void }) =>
  spec((s) => {
    opts.names.forEach((name, i) =>
      s.vpcs[0].subnets.push(
        subnet({
          name,
          id: `subnet-0ccccccccccccccc${i + 3}`,
          cidr: `10.20.${i + 3}.0/24`,
          routeTable: `rtb-0ccccccccccccccc${i + 3}`,
          services: opts.services ?? [],
        }),
      ),
    );
    opts.edit?.(s);
  });

const allowing = (cidrs: string[]) => (s: SpecDoc) => (s.vpcs[0].endpoints = { ssm: { allowedCidrs: cidrs } });

/** The ssm interface endpoint of the first VPC, as planned. */
function ssmOf(r: ReturnType<typeof runSpecs>) {
  const e = r.plan?.stacks[0].vpcs[0].endpoints.find((x) => x.service === "ssm");
  if (!e) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  return e;
}

describe("private-dns-capture", () => {
  test("Noncompliance: PRIVATE_DNS_CAPTURE when one subnet that did not ask resolves ssm to the endpoint", () => {
    const r = runSpecs({ "a.yaml": withDataSubnets({ names: ["data-a"] }) });
    const f = findings(r, "PRIVATE_DNS_CAPTURE");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].subnets[0].services[1]");
    expect(f[0].message).toContain(
      "resolve ssm to the endpoint; data-a did not ask for it and is not admitted by its security group, so",
    );
    expect(f[0].hint).toBe(
      "Add the service to that subnet if it uses it, admit it with endpoints.<service>.allowedCidrs, " +
        "or set privateDns: false under endpoints.<service>.",
    );
    expect(ssmOf(r).dnsCaptured).toEqual(["data-a"]);
    expect(ssmOf(r).reasons).toContain("private DNS also answers data-a, which did not ask: it loses access to ssm");
  });

  test("Noncompliance: two subnets and two services take the plural everywhere", () => {
    const r = runSpecs({
      "a.yaml": withDataSubnets({
        names: ["data-a", "data-b"],
        edit: (s) => s.vpcs[0].subnets.slice(0, 2).forEach((x: SpecDoc) => x.services.push("kms")),
      }),
    });
    const f = findings(r, "PRIVATE_DNS_CAPTURE");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain(
      "resolve kms, ssm to their endpoints; data-a, data-b did not ask for them and are not admitted by " +
        "the endpoints' security groups, so",
    );
    expect(f[0].hint).toContain("Add the services to those subnets if they use them, admit them with");
    expect(ssmOf(r).reasons).toContain(
      "private DNS also answers data-a, data-b, which did not ask: they lose access to ssm",
    );
  });

  test("Noncompliance: one subnet and two services agree with each its own count", () => {
    const r = runSpecs({
      "a.yaml": withDataSubnets({
        names: ["data-a"],
        edit: (s) => s.vpcs[0].subnets.slice(0, 2).forEach((x: SpecDoc) => x.services.push("kms")),
      }),
    });
    const [f] = findings(r, "PRIVATE_DNS_CAPTURE");
    expect(f.message).toContain("data-a did not ask for them and is not admitted by the endpoints' security groups");
    expect(f.hint).toContain("Add the services to that subnet if it uses them, admit it with");
  });

  test("Compliance: the subnet asks for ssm too", () => {
    const r = runSpecs({ "a.yaml": withDataSubnets({ names: ["data-a"], services: ["ssm"] }) });
    expect(findings(r, "PRIVATE_DNS_CAPTURE")).toEqual([]);
  });

  test("Compliance: allowedCidrs covering the whole VPC admits every subnet, so none is captured", () => {
    const r = runSpecs({
      "a.yaml": withDataSubnets({ names: ["data-a", "data-b"], edit: allowing(["10.20.0.0/16"]) }),
    });
    expect(findings(r, "PRIVATE_DNS_CAPTURE")).toEqual([]);
    expect(ssmOf(r).dnsCaptured).toEqual([]);
    expect(ssmOf(r).reasons).toContain(
      "private DNS also answers data-a, data-b, which did not ask: the security group admits their CIDRs " +
        "(allowedCidrs), so they keep access to ssm",
    );
  });

  test("Noncompliance: allowedCidrs admitting one of two subnets: only the other is named", () => {
    const r = runSpecs({
      "a.yaml": withDataSubnets({ names: ["data-a", "data-b"], edit: allowing(["10.20.3.0/24"]) }),
    });
    const f = findings(r, "PRIVATE_DNS_CAPTURE");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("; data-b did not ask for it and is not admitted");
    expect(f[0].message).not.toContain("data-a");
    expect(ssmOf(r).dnsCaptured).toEqual(["data-b"]);
    expect(ssmOf(r).reasons).toEqual(
      expect.arrayContaining([
        "private DNS also answers data-a, which did not ask: the security group admits its CIDR (allowedCidrs), " +
          "so it keeps access to ssm",
        "private DNS also answers data-b, which did not ask: it loses access to ssm",
      ]),
    );
  });

  test("Noncompliance: a subnet only half inside allowedCidrs is still captured, said to be partly admitted", () => {
    const r = runSpecs({
      "a.yaml": withDataSubnets({ names: ["data-a"], edit: allowing(["10.20.3.0/25"]) }),
    });
    const f = findings(r, "PRIVATE_DNS_CAPTURE");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain(
      "data-a did not ask for it and is not admitted by its security group (data-a only partly: " +
        "allowedCidrs covers part of its block), so",
    );
    expect(ssmOf(r).dnsCaptured).toEqual(["data-a"]);
    expect(ssmOf(r).reasons).toContain(
      "private DNS also answers data-a, which did not ask: it loses access to ssm (data-a only partly " +
        "admitted: its addresses outside allowedCidrs fail)",
    );
  });

  test("Noncompliance: two partly admitted subnets take the plural", () => {
    const r = runSpecs({
      "a.yaml": withDataSubnets({ names: ["data-a", "data-b"], edit: allowing(["10.20.3.0/25", "10.20.4.0/25"]) }),
    });
    const [f] = findings(r, "PRIVATE_DNS_CAPTURE");
    expect(f.message).toContain("(data-a, data-b only partly: allowedCidrs covers part of their blocks)");
  });

  test("Compliance: two allowedCidrs halves that together cover the subnet admit it", () => {
    const r = runSpecs({
      "a.yaml": withDataSubnets({ names: ["data-a"], edit: allowing(["10.20.3.0/25", "10.20.3.128/25"]) }),
    });
    expect(findings(r, "PRIVATE_DNS_CAPTURE")).toEqual([]);
    expect(ssmOf(r).dnsCaptured).toEqual([]);
  });
});
