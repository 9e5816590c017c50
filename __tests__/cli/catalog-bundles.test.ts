/** `vpce catalog --bundles` (text and --json): services, optional services with their conditions and costs. */
import { allBundles } from "../../src/catalog";
import { run } from "../../src/cli/main";
import { PRICES } from "../../src/planner/pricing";

function vpce(argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

type Row = {
  id: string;
  services: string[];
  optional: { service: string; when: string; monthlyUsdAt3Azs: number }[];
  source: string;
  sources: string[];
};

describe("vpce catalog --bundles", () => {
  test("--json: every bundle with its optional services, conditions and the cost at 3 AZs from the prices", () => {
    const r = vpce(["catalog", "--bundles", "--json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Row[];
    expect(rows.map((b) => b.id)).toEqual(allBundles().map((b) => b.id));
    const eks = rows.find((b) => b.id === "eks-private-nodes");
    const interfaceAt3 = 3 * PRICES.interfacePerAzHour * PRICES.hoursPerMonth;
    expect(eks?.optional.find((o) => o.service === "sts")).toEqual({
      service: "sts",
      when: expect.stringMatching(/IRSA/),
      monthlyUsdAt3Azs: interfaceAt3,
    });
    expect(eks?.optional.find((o) => o.service === "eks-auth")?.monthlyUsdAt3Azs).toBeCloseTo(21.9, 2);
    // A gateway endpoint (S3's default type) costs nothing.
    const ssm = rows.find((b) => b.id === "ssm-session-manager");
    expect(ssm?.optional.find((o) => o.service === "s3")?.monthlyUsdAt3Azs).toBe(0);
    expect(ssm?.services).not.toContain("ec2messages");
    for (const b of rows) for (const url of [b.source, ...b.sources]) expect(url).toMatch(/^https:\/\//);
  });

  test("text: services on the first line, then each optional service with its condition and cost", () => {
    const r = vpce(["catalog", "--bundles"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^eks-private-nodes: ec2, ecr\.api, ecr\.dkr, s3, elasticloadbalancing, logs, eks, route53$/m,
    );
    expect(r.out).toMatch(
      /^ {4}optional sts +Pods use IAM roles for service accounts \(IRSA\).*\(\+\$21\.90\/month at 3 AZs\)$/m,
    );
    expect(r.out).toMatch(/^ {4}optional ec2messages +SSM Agent older than 3\.3\.40\.0.*$/m);
    expect(r.out).toMatch(/^ {4}optional s3 +.*\(gateway: free\)$/m);
    expect(r.out).toMatch(/^ {4}note: A function attached to a VPC/m);
    expect(r.out).toMatch(/list them under the subnet's services to add them/);
  });

  test("an unknown region is a usage error with the closest region", () => {
    const r = vpce(["catalog", "--region", "eu-wset-1"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown region "eu-wset-1"/);
    expect(r.err).toMatch(/eu-west-1/);
  });
});
