/**
 * Private DNS names of catalog services and the way back from a DNS query name.
 * Expected names come from outside the catalog: the region dump fixtures (the real
 * us-east-1 recording, see fixtures/describe-vpc-endpoint-services/SOURCE.md, and
 * the built eu-west-1 / cn-north-1 ones), and the recordings services.json cites
 * (the AWS CLI's describe-vpc-endpoint-services example, eksctl's recorded responses).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { allRegions, allServices, getService } from "../../src/catalog";
import {
  hasPerResourceNames,
  perResourceServices,
  privateDnsDetails,
  privateDnsNames,
  serviceForHostname,
} from "../../src/catalog/private-dns";
import { parseDump, serviceIdFromName, type RegionDump } from "../../src/region-dumps/read";

const DUMPS = path.join(__dirname, "..", "region-dumps", "fixtures", "dumps");

interface RawEntry {
  ServiceName: string;
  ServiceType: { ServiceType: string }[];
  PrivateDnsName?: string;
  PrivateDnsNames?: { PrivateDnsName: string }[];
}

/** Each fixture's Interface entries of catalog services, read straight from the JSON. */
function fixtureEntries(): { region: string; id: string; names: string[] }[] {
  return fs
    .readdirSync(DUMPS)
    .filter((f) => f.endsWith(".json"))
    .flatMap((f) => {
      const region = f.slice(0, -".json".length);
      const raw = JSON.parse(fs.readFileSync(path.join(DUMPS, f), "utf8")) as { ServiceDetails: RawEntry[] };
      return raw.ServiceDetails.filter((e) => e.ServiceType.some((t) => t.ServiceType === "Interface")).flatMap((e) => {
        const id = serviceIdFromName(e.ServiceName, region);
        if (!id || !getService(id)) return [];
        const names = new Set([
          ...(e.PrivateDnsName ? [e.PrivateDnsName] : []),
          ...(e.PrivateDnsNames ?? []).map((n) => n.PrivateDnsName),
        ]);
        return [{ region, id, names: [...names].sort() }];
      });
    });
}

function dumpOf(region: string): RegionDump {
  const file = path.join(DUMPS, `${region}.json`);
  const { dump } = parseDump({ text: fs.readFileSync(file, "utf8"), file, region });
  if (!dump) throw new Error(`fixture ${file} did not read`);
  return dump;
}

describe("privateDnsNames agrees with the dump fixtures", () => {
  const entries = fixtureEntries();
  // Dumps recorded before S3 interface endpoints offered private DNS (2023) list none; the
  // catalog follows the current recording (us-east-1), and a dump of such a region wins.
  const OLDER_THAN_CATALOG = new Set(["eu-west-1/s3", "cn-north-1/s3"]);

  test("the fixtures hold the entries this test relies on", () => {
    const keys = entries.map((e) => `${e.region}/${e.id}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        "us-east-1/s3",
        "us-east-1/apprunner.requests",
        "eu-west-1/ecr.dkr",
        "eu-west-1/ssm",
        "cn-north-1/ecr.dkr",
        "cn-north-1/transcribe",
        "cn-north-1/notebook",
        "cn-north-1/kms",
      ]),
    );
  });

  test.each(entries.filter((e) => !OLDER_THAN_CATALOG.has(`${e.region}/${e.id}`)))(
    "$region $id: $names",
    ({ region, id, names }) => {
      expect(privateDnsNames({ serviceId: id, region })).toEqual(names);
    },
  );

  test.each([...OLDER_THAN_CATALOG])("%s: the dump lists none and wins over the catalog", (key) => {
    const [region, id] = key.split("/");
    expect(entries.find((e) => e.region === region && e.id === id)?.names).toEqual([]);
    expect(privateDnsNames({ serviceId: id, region }).length).toBeGreaterThan(0);
    expect(privateDnsNames({ serviceId: id, region, dump: dumpOf(region) })).toEqual([]);
  });
});

describe("privateDnsNames agrees with the recordings services.json cites", () => {
  test.each([
    // AWS CLI example output of describe-vpc-endpoint-services (us-east-1)
    ["ec2", "us-east-1", ["ec2.us-east-1.amazonaws.com"]],
    ["ec2messages", "us-east-1", ["ec2messages.us-east-1.amazonaws.com"]],
    ["elasticloadbalancing", "us-east-1", ["elasticloadbalancing.us-east-1.amazonaws.com"]],
    ["kinesis-streams", "us-east-1", ["kinesis.us-east-1.amazonaws.com"]],
    ["ssm", "us-east-1", ["ssm.us-east-1.amazonaws.com"]],
    // eksctl's recorded responses (us-west-2 and China)
    ["ecr.api", "us-west-2", ["api.ecr.us-west-2.amazonaws.com"]],
    ["ecr.dkr", "us-west-2", ["*.dkr.ecr.us-west-2.amazonaws.com"]],
    ["sts", "us-west-2", ["sts.us-west-2.amazonaws.com"]],
    ["ec2", "cn-north-1", ["ec2.cn-north-1.amazonaws.com.cn"]],
    ["ecr.api", "cn-north-1", ["api.ecr.cn-north-1.amazonaws.com.cn"]],
    ["ecr.dkr", "cn-north-1", ["*.dkr.ecr.cn-north-1.amazonaws.com.cn"]],
    ["sts", "cn-north-1", ["sts.cn-north-1.amazonaws.com.cn"]],
  ])("%s in %s", (serviceId, region, names) => {
    expect(privateDnsNames({ serviceId, region })).toEqual(names);
  });
});

describe("privateDnsNames: the rule and curated exceptions", () => {
  test.each([
    ["sagemaker.api", "eu-west-1", ["api.sagemaker.eu-west-1.amazonaws.com"]],
    ["ssm-fips", "us-east-1", ["ssm-fips.us-east-1.amazonaws.com"]],
    ["iam", "eu-central-1", ["iam.amazonaws.com"]],
    ["qbusiness", "us-east-1", ["qbusiness.us-east-1.api.aws"]],
    ["codecatalyst", "us-west-2", ["codecatalyst.global.api.aws"]],
    ["notebook", "us-east-1", ["*.notebook.us-east-1.sagemaker.aws"]],
    ["notebook", "cn-northwest-1", ["*.notebook.cn-northwest-1.sagemaker.com.cn"]],
    ["kinesis-firehose", "eu-west-1", ["firehose.eu-west-1.amazonaws.com"]],
    ["codeartifact.repositories", "eu-west-1", ["d.codeartifact.eu-west-1.amazonaws.com"]],
    ["eks-auth", "eu-west-1", ["eks-auth.eu-west-1.api.aws"]],
    ["signin", "us-east-1", ["signin.aws.amazon.com", "us-east-1.signin.aws.amazon.com"]],
    ["signin", "eu-west-1", ["eu-west-1.signin.aws.amazon.com"]],
    // China: the partition's suffix, whichever prefix the endpoint service name takes there
    ["ecr.api", "cn-northwest-1", ["api.ecr.cn-northwest-1.amazonaws.com.cn"]],
    ["kms", "cn-north-1", ["kms.cn-north-1.amazonaws.com.cn"]],
    // GovCloud and ISO
    ["ssm", "us-gov-west-1", ["ssm.us-gov-west-1.amazonaws.com"]],
    ["ecr.dkr", "us-gov-east-1", ["*.dkr.ecr.us-gov-east-1.amazonaws.com"]],
    ["kms", "us-iso-east-1", ["kms.us-iso-east-1.c2s.ic.gov"]],
    ["ec2", "us-isob-east-1", ["ec2.us-isob-east-1.sc2s.sgov.gov"]],
  ])("%s in %s", (serviceId, region, names) => {
    expect(privateDnsNames({ serviceId, region })).toEqual(names);
  });

  test("services without private DNS or without an interface endpoint have none", () => {
    expect(privateDnsNames({ serviceId: "dynamodb", region: "us-east-1" })).toEqual([]);
    expect(privateDnsNames({ serviceId: "apprunner.requests", region: "us-east-1" })).toEqual([]);
    expect(privateDnsNames({ serviceId: "s3express", region: "us-east-1" })).toEqual([]);
    expect(privateDnsDetails({ serviceId: "dynamodb", region: "us-east-1" }).origin).toBe("none");
  });

  test("a curated table without an entry for the partition gives no name rather than the rule's guess", () => {
    expect(privateDnsNames({ serviceId: "eks-auth", region: "cn-north-1" })).toEqual([]);
    expect(privateDnsNames({ serviceId: "console", region: "cn-north-1" })).toEqual([]);
  });

  test("details say where names come from and what confirms them", () => {
    const dkr = privateDnsDetails({ serviceId: "ecr.dkr", region: "eu-west-1" });
    expect(dkr.origin).toBe("curated");
    expect(dkr.sources.every((u) => u.startsWith("https://"))).toBe(true);
    expect(privateDnsDetails({ serviceId: "ssm", region: "us-east-1" }).origin).toBe("rule");
    expect(privateDnsDetails({ serviceId: "athena", region: "us-east-1" }).sources).toEqual([]);
    expect(privateDnsDetails({ serviceId: "ssm", region: "eu-west-1", dump: dumpOf("eu-west-1") }).origin).toBe("dump");
  });

  test("every interface service with private DNS has a well-formed name in every commercial region", () => {
    const regions = allRegions().filter((r) => r.partition === "aws");
    for (const s of allServices().filter((x) => x.types.includes("Interface") && x.privateDns))
      for (const r of regions)
        for (const n of privateDnsNames({ serviceId: s.id, region: r.name }))
          expect(n).toMatch(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });

  test("no two services share a private DNS name in a region", () => {
    for (const region of ["us-east-1", "eu-west-1", "cn-north-1", "us-gov-west-1"]) {
      const owners = new Map<string, string>();
      for (const s of allServices())
        for (const n of privateDnsNames({ serviceId: s.id, region })) {
          expect([region, n, owners.get(n)]).toEqual([region, n, undefined]);
          owners.set(n, s.id);
        }
    }
  });

  test("unknown services and regions are refused with their name", () => {
    expect(() => privateDnsNames({ serviceId: "nope", region: "us-east-1" })).toThrow(/unknown catalog service nope/);
    expect(() => privateDnsNames({ serviceId: "ssm", region: "mars-1" })).toThrow(/unknown region mars-1/);
  });

  test("a dump of another region is refused", () => {
    expect(() => privateDnsNames({ serviceId: "ssm", region: "us-east-1", dump: dumpOf("eu-west-1") })).toThrow(
      /dump of eu-west-1 given for region us-east-1/,
    );
  });
});

describe("a region dump overrides the catalog", () => {
  test("the dump's names replace the catalog's, in lower case without a trailing dot", () => {
    const dump: RegionDump = {
      region: "eu-west-1",
      file: "eu-west-1.json",
      services: new Map([
        [
          "com.amazonaws.eu-west-1.ssm",
          {
            name: "com.amazonaws.eu-west-1.ssm",
            id: "ssm",
            types: new Set(["Interface" as const]),
            privateDnsNames: ["SSM.eu-west-1.example.com."],
            byType: { Interface: { type: "Interface" as const, privateDnsNames: ["SSM.eu-west-1.example.com."] } },
          },
        ],
      ]),
    };
    expect(privateDnsNames({ serviceId: "ssm", region: "eu-west-1" })).toEqual(["ssm.eu-west-1.amazonaws.com"]);
    expect(privateDnsNames({ serviceId: "ssm", region: "eu-west-1", dump })).toEqual(["ssm.eu-west-1.example.com"]);
    expect(serviceForHostname({ hostname: "ssm.eu-west-1.example.com", region: "eu-west-1", dump })).toEqual({
      serviceId: "ssm",
      dnsName: "ssm.eu-west-1.example.com",
    });
    expect(serviceForHostname({ hostname: "ssm.eu-west-1.amazonaws.com", region: "eu-west-1", dump })).toBeUndefined();
  });

  test("services the dump does not list keep the catalog's names", () => {
    const dump = dumpOf("eu-west-1");
    expect(privateDnsNames({ serviceId: "kms", region: "eu-west-1", dump })).toEqual(["kms.eu-west-1.amazonaws.com"]);
  });
});

describe("serviceForHostname", () => {
  test.each([
    ["ssm.eu-central-1.amazonaws.com", "ssm", "ssm.eu-central-1.amazonaws.com"],
    ["ssm.eu-central-1.amazonaws.com.", "ssm", "ssm.eu-central-1.amazonaws.com"],
    ["SSM.EU-Central-1.AmazonAWS.com.", "ssm", "ssm.eu-central-1.amazonaws.com"],
    ["ssm-fips.eu-central-1.amazonaws.com", "ssm-fips", "ssm-fips.eu-central-1.amazonaws.com"],
    ["api.ecr.eu-central-1.amazonaws.com", "ecr.api", "api.ecr.eu-central-1.amazonaws.com"],
    ["123456789012.dkr.ecr.eu-central-1.amazonaws.com", "ecr.dkr", "*.dkr.ecr.eu-central-1.amazonaws.com"],
    ["my-bucket.s3.eu-central-1.amazonaws.com", "s3", "*.s3.eu-central-1.amazonaws.com"],
    ["my.dotted.bucket.s3.eu-central-1.amazonaws.com.", "s3", "*.s3.eu-central-1.amazonaws.com"],
    ["s3.eu-central-1.amazonaws.com", "s3", "*.s3.eu-central-1.amazonaws.com"],
    ["ap-111122223333.s3-accesspoint.eu-central-1.amazonaws.com", "s3", "*.s3-accesspoint.eu-central-1.amazonaws.com"],
    ["111122223333.s3-control.eu-central-1.amazonaws.com", "s3", "*.s3-control.eu-central-1.amazonaws.com"],
    ["b.s3.dualstack.eu-central-1.amazonaws.com", "s3", "*.s3.dualstack.eu-central-1.amazonaws.com"],
    ["a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com", "execute-api", "execute-api.eu-central-1.amazonaws.com"],
    [
      "dom-111122223333.d.codeartifact.eu-central-1.amazonaws.com",
      "codeartifact.repositories",
      "d.codeartifact.eu-central-1.amazonaws.com",
    ],
    ["codeartifact.eu-central-1.amazonaws.com", "codeartifact.api", "codeartifact.eu-central-1.amazonaws.com"],
    ["kinesis.eu-central-1.amazonaws.com", "kinesis-streams", "kinesis.eu-central-1.amazonaws.com"],
    ["my-nb.notebook.eu-central-1.sagemaker.aws", "notebook", "*.notebook.eu-central-1.sagemaker.aws"],
    ["eks-auth.eu-central-1.api.aws", "eks-auth", "eks-auth.eu-central-1.api.aws"],
    ["iam.amazonaws.com", "iam", "iam.amazonaws.com"],
    ["mrap1.accesspoint.s3-global.amazonaws.com", "s3-global.accesspoint", "accesspoint.s3-global.amazonaws.com"],
    // the public name a gateway endpoint serves (gatewayClientNames): DynamoDB's interface has no private DNS
    ["dynamodb.eu-central-1.amazonaws.com", "dynamodb", "dynamodb.eu-central-1.amazonaws.com"],
  ])("%s -> %s", (hostname, serviceId, dnsName) => {
    expect(serviceForHostname({ hostname, region: "eu-central-1" })).toEqual({ serviceId, dnsName });
  });

  test.each([
    // the global STS name: the regional endpoint's private DNS does not answer it
    "sts.amazonaws.com",
    // a service name inside another domain
    "s3.amazonaws.com.evil.com",
    "ssm.eu-central-1.amazonaws.com.evil.com",
    "evil-ssm.eu-central-1.amazonaws.com",
    // a name below a plain (not per-resource) name
    "foo.ssm.eu-central-1.amazonaws.com",
    "foo.dynamodb.eu-central-1.amazonaws.com",
    // another region
    "ssm.eu-west-1.amazonaws.com",
    "123456789012.dkr.ecr.us-east-1.amazonaws.com",
    // unknown services and non-AWS names
    "nosuchservice.eu-central-1.amazonaws.com",
    "example.com",
    "dkr.ecr.eu-central-1.amazonaws.com.example.com",
    "",
    ".",
    "..ssm.eu-central-1.amazonaws.com",
  ])("%j -> none", (hostname) => {
    expect(serviceForHostname({ hostname, region: "eu-central-1" })).toBeUndefined();
  });

  test("a dump whose S3 entry lists no private DNS name still maps bucket names to s3 (the gateway's names)", () => {
    const dump = dumpOf("eu-west-1");
    expect(privateDnsNames({ serviceId: "s3", region: "eu-west-1", dump })).toEqual([]);
    expect(serviceForHostname({ hostname: "my-bucket.s3.eu-west-1.amazonaws.com", region: "eu-west-1", dump })).toEqual(
      {
        serviceId: "s3",
        dnsName: "*.s3.eu-west-1.amazonaws.com",
      },
    );
    expect(serviceForHostname({ hostname: "dynamodb.eu-west-1.amazonaws.com", region: "eu-west-1", dump })).toEqual({
      serviceId: "dynamodb",
      dnsName: "dynamodb.eu-west-1.amazonaws.com",
    });
  });

  test("China and GovCloud names map in their own regions", () => {
    expect(
      serviceForHostname({ hostname: "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn.", region: "cn-north-1" }),
    ).toEqual({ serviceId: "ecr.dkr", dnsName: "*.dkr.ecr.cn-north-1.amazonaws.com.cn" });
    expect(serviceForHostname({ hostname: "kms.cn-north-1.amazonaws.com", region: "cn-north-1" })).toBeUndefined();
    expect(serviceForHostname({ hostname: "ssm.us-gov-west-1.amazonaws.com", region: "us-gov-west-1" })).toEqual({
      serviceId: "ssm",
      dnsName: "ssm.us-gov-west-1.amazonaws.com",
    });
  });

  test("the most specific name wins: the console's regional names before the regionless wildcard", () => {
    expect(serviceForHostname({ hostname: "s3.console.aws.amazon.com", region: "us-east-1" })).toEqual({
      serviceId: "console",
      dnsName: "*.console.aws.amazon.com",
    });
    expect(serviceForHostname({ hostname: "us-east-1.console.aws.amazon.com", region: "us-east-1" })).toEqual({
      serviceId: "console",
      dnsName: "us-east-1.console.aws.amazon.com",
    });
    expect(serviceForHostname({ hostname: "signin.aws.amazon.com", region: "us-east-1" })?.serviceId).toBe("signin");
  });
});

describe("per-resource names", () => {
  test("s3, ecr.dkr, execute-api and the other per-resource services carry an AWS page", () => {
    const list = perResourceServices({ region: "eu-west-1" });
    expect(list.map((p) => p.serviceId)).toEqual(
      expect.arrayContaining(["s3", "ecr.dkr", "execute-api", "codeartifact.repositories", "notebook"]),
    );
    for (const p of list) {
      expect(p.source).toMatch(/^https:\/\//);
      expect(p.examples.length).toBeGreaterThan(0);
      // every example is a name the service's own private DNS names cover
      for (const e of p.examples) {
        const hostname = e.replace(/<[a-z-]+>/g, "x1");
        expect(serviceForHostname({ hostname, region: "eu-west-1" })?.serviceId).toBe(p.serviceId);
      }
    }
    expect(list.find((p) => p.serviceId === "ecr.dkr")?.examples).toEqual([
      "<account>.dkr.ecr.eu-west-1.amazonaws.com",
    ]);
  });

  test("plain API services have none", () => {
    expect(hasPerResourceNames({ serviceId: "s3" })).toBe(true);
    expect(hasPerResourceNames({ serviceId: "ssm" })).toBe(false);
    expect(hasPerResourceNames({ serviceId: "kms" })).toBe(false);
  });
});
