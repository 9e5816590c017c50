/**
 * org-only proven with an IAM policy evaluator (@cloud-copilot/iam-simulate, a
 * test-only devDependency) instead of by reading JSON. Every request runs twice:
 * once through AWS's default endpoint policy, which must allow it (so the
 * identity and resource policies of the harness never decide), and once through
 * the org-only document vpce writes, whose decision the table states.
 *
 * The request context is what AWS sets (IAM User Guide, global condition keys):
 * aws:PrincipalOrgID only for principals of an organization (not for anonymous or
 * federated callers), aws:ResourceOrgID only for resources of an account in an
 * organization and never for actions that name no resource.
 */
import { anonymousPrincipal, isWildcardOnlyAction, runSimulation } from "@cloud-copilot/iam-simulate";
import { allServices, getService, orgOnlyFacts, NO_ORG_ONLY_FACTS } from "../../src/catalog";
import { AWS_DEFAULT_POLICY, MAX_ENDPOINT_POLICY_CHARS, orgOnlyPolicy } from "../../src/planner/policy-documents";
import { allRegions } from "../../src/catalog";
import { runSpecs, spec } from "../rules/support";

const ORG = "o-a1b2c3d4e5";
const ORG_ACCOUNT = "111111111111";
const FOREIGN_ORG = "o-zzzzzzzzzz";
const FOREIGN_ACCOUNT = "222222222222";
/** An account that belongs to no organization: its resources carry no aws:ResourceOrgID. */
const LONE_ACCOUNT = "333333333333";
/** The organization AWS's own service accounts belong to, as seen from ours: another one. */
const AWS_ORG = "o-awsowned00";
const ECR_LAYER_SIGNER = "arn:aws:iam::444444444444:role/ecr-layer-presigner";

type Decision = "Allowed" | "Denied";
type Caller =
  | { kind: "org" }
  | { kind: "foreign" }
  | { kind: "lone" }
  | { kind: "service" }
  | { kind: "anonymous" }
  | { kind: "federated" }
  | { kind: "signer" };
type Owner = "org" | "foreign" | "lone" | { account: string; orgId?: string } | "none";

interface Row {
  readonly what: string;
  readonly caller: Caller["kind"];
  readonly action: string;
  /** `none`: the action names no resource (`*`). */
  readonly owner: Owner;
  readonly resource: (account: string) => string;
  readonly expect: Decision;
}

const ALLOW_ALL_IDENTITY = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const ALLOW_ALL_RESOURCE = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
};

/** The request's account: the owner of the resource, or the caller's own for an action without one. */
function ownerOf(owner: Owner, caller: Row["caller"]): { account: string; orgId?: string } {
  if (owner === "none") return ownerOf(caller === "foreign" ? "foreign" : caller === "lone" ? "lone" : "org", caller);
  if (owner === "org") return { account: ORG_ACCOUNT, orgId: ORG };
  if (owner === "foreign") return { account: FOREIGN_ACCOUNT, orgId: FOREIGN_ORG };
  if (owner === "lone") return { account: LONE_ACCOUNT };
  return owner;
}

async function decide(opts: { row: Row; policy: object }): Promise<Decision> {
  const { row } = opts;
  const owner = ownerOf(row.owner, row.caller);
  const ctx: Record<string, string> = {};
  let principal: string | typeof anonymousPrincipal;
  switch (row.caller) {
    case "org":
      principal = `arn:aws:iam::${ORG_ACCOUNT}:role/app`;
      Object.assign(ctx, { "aws:PrincipalOrgID": ORG, "aws:PrincipalAccount": ORG_ACCOUNT });
      break;
    case "foreign":
      principal = `arn:aws:iam::${FOREIGN_ACCOUNT}:role/app`;
      Object.assign(ctx, { "aws:PrincipalOrgID": FOREIGN_ORG, "aws:PrincipalAccount": FOREIGN_ACCOUNT });
      break;
    case "lone":
      principal = `arn:aws:iam::${LONE_ACCOUNT}:user/someone`;
      Object.assign(ctx, { "aws:PrincipalAccount": LONE_ACCOUNT });
      break;
    case "signer":
      principal = ECR_LAYER_SIGNER;
      Object.assign(ctx, { "aws:PrincipalOrgID": AWS_ORG, "aws:PrincipalAccount": "444444444444" });
      break;
    case "service":
      principal = "ecs-tasks.amazonaws.com";
      Object.assign(ctx, { "aws:PrincipalIsAWSService": "true" });
      break;
    case "federated":
      // An OIDC (EKS IRSA) or SAML caller of the role's own account's identity provider: no AWS identity,
      // so no principal keys in the request.
      principal = row.action.endsWith("SAML")
        ? `arn:aws:iam::${owner.account}:saml-provider/corp`
        : `arn:aws:iam::${owner.account}:oidc-provider/oidc.eks.${REGION}.amazonaws.com/id/EXAMPLE`;
      break;
    case "anonymous":
      principal = anonymousPrincipal;
      break;
  }
  if (row.caller !== "service") ctx["aws:PrincipalIsAWSService"] = "false";
  if (row.owner !== "none") {
    ctx["aws:ResourceAccount"] = owner.account;
    if (owner.orgId) ctx["aws:ResourceOrgID"] = owner.orgId;
  }
  const identity = row.caller !== "anonymous" && row.caller !== "service" && row.caller !== "federated";
  const result = await runSimulation(
    {
      request: {
        principal,
        action: row.action,
        resource: { resource: row.owner === "none" ? "*" : row.resource(owner.account), accountId: owner.account },
        contextVariables: ctx,
      },
      identityPolicies: identity ? [{ name: "all", policy: ALLOW_ALL_IDENTITY }] : [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(row.owner === "none" ? {} : { resourcePolicy: ALLOW_ALL_RESOURCE }),
      vpcEndpointPolicies: [{ name: "endpoint", policy: opts.policy }],
    },
    {},
  );
  if (result.resultType === "error") throw new Error(`${row.what}: ${JSON.stringify(result.errors)}`);
  return result.overallResult === "Allowed" ? "Allowed" : "Denied";
}

/** A resource-bearing action of the service, its resource, and a read for AWS-owned checks. */
interface Sample {
  readonly action: string;
  readonly resource: (account: string) => string;
}

const REGION = "eu-central-1";
const SAMPLES: Record<string, Sample | undefined> = {
  s3: { action: "s3:PutObject", resource: () => "arn:aws:s3:::data-bucket/export.csv" },
  ecr: { action: "ecr:PutImage", resource: (a) => `arn:aws:ecr:${REGION}:${a}:repository/app` },
  sts: { action: "sts:AssumeRole", resource: (a) => `arn:aws:iam::${a}:role/deploy` },
  kms: {
    action: "kms:Encrypt",
    resource: (a) => `arn:aws:kms:${REGION}:${a}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  },
  logs: {
    action: "logs:PutLogEvents",
    resource: (a) => `arn:aws:logs:${REGION}:${a}:log-group:app:log-stream:i-0123`,
  },
  ssm: { action: "ssm:PutParameter", resource: (a) => `arn:aws:ssm:${REGION}:${a}:parameter/app/secret` },
  secretsmanager: {
    action: "secretsmanager:PutSecretValue",
    resource: (a) => `arn:aws:secretsmanager:${REGION}:${a}:secret:app-AbCdEf`,
  },
  sqs: { action: "sqs:SendMessage", resource: (a) => `arn:aws:sqs:${REGION}:${a}:queue` },
  // every action of these names no resource (Service Authorization Reference)
  ssmmessages: undefined,
  ec2messages: undefined,
};

function prefixOf(action: string): string {
  return action.split(":")[0];
}

/** The table of one service: the perimeter's six questions, then its own exceptions. */
function rowsOf(opts: { id: string; region: string }): Row[] {
  const service = getService(opts.id);
  const facts = service ? orgOnlyFacts({ service, partition: "aws", region: opts.region }) : NO_ORG_ONLY_FACTS;
  const prefix = service && facts.resourceLessActions.length > 0 ? prefixOf(facts.resourceLessActions[0]) : opts.id;
  const sample = SAMPLES[prefix];
  const rows: Row[] = [];
  if (sample) {
    const row = (what: string, caller: Row["caller"], owner: Owner, expect: Decision): Row => ({
      what,
      caller,
      owner,
      expect,
      action: sample.action,
      resource: sample.resource,
    });
    rows.push(
      row("org principal to org resource", "org", "org", "Allowed"),
      row("org principal to a resource of another organization", "org", "foreign", "Denied"),
      row("org principal to a resource of an account in no organization", "org", "lone", "Denied"),
      row("foreign principal to org resource", "foreign", "org", "Denied"),
      row("principal of an account in no organization to org resource", "lone", "org", "Denied"),
      row("AWS service on the organization's behalf", "service", "org", "Allowed"),
      row("anonymous to org resource", "anonymous", "org", "Denied"),
    );
  }
  for (const action of facts.resourceLessActions) {
    const row = (caller: Row["caller"], expect: Decision): Row => ({
      what: `${caller} calls ${action} (no resource)`,
      caller,
      owner: "none",
      expect,
      action,
      resource: () => "*",
    });
    // (anonymous callers are left out here: no policy can grant an unsigned request an action without a
    // resource, so the harness could not show that the endpoint policy is what denies it)
    rows.push(row("org", "Allowed"), row("foreign", "Denied"), row("lone", "Denied"));
  }
  for (const action of facts.federatedActions) {
    const role = (a: string) => `arn:aws:iam::${a}:role/irsa`;
    const row = (owner: Owner, expect: Decision, what: string): Row => ({
      what: `federated ${action} ${what}`,
      caller: "federated",
      owner,
      expect,
      action,
      resource: role,
    });
    rows.push(
      row("org", "Allowed", "onto a role of the organization"),
      row("foreign", "Denied", "onto a role of another organization"),
      row("lone", "Denied", "onto a role of an account in no organization"),
    );
  }
  for (const account of facts.awsOwnedAccounts) {
    const owner = { account, orgId: AWS_ORG };
    const repo = (a: string) => `arn:aws:ecr:${opts.region}:${a}:repository/eks/coredns`;
    for (const action of facts.awsOwnedAccountActions)
      rows.push(
        {
          what: `org principal ${action} from AWS-owned ${account}`,
          caller: "org",
          owner,
          action,
          resource: repo,
          expect: "Allowed",
        },
        {
          what: `foreign principal ${action} from ${account}`,
          caller: "foreign",
          owner,
          action,
          resource: repo,
          expect: "Denied",
        },
      );
    rows.push({
      what: `org principal pushes into AWS-owned ${account}`,
      caller: "org",
      owner,
      action: "ecr:PutImage",
      resource: repo,
      expect: "Denied",
    });
  }
  for (const arn of facts.awsOwnedResources) {
    const object = (): string => arn.replace(/\*$/, "some/object");
    const owner = { account: "555555555555" };
    for (const action of facts.awsOwnedResourceActions)
      rows.push(
        { what: `anonymous ${action} ${arn}`, caller: "anonymous", owner, action, resource: object, expect: "Allowed" },
        {
          what: `ECR-presigned ${action} ${arn}`,
          caller: "signer",
          owner,
          action,
          resource: object,
          expect: "Allowed",
        },
      );
    rows.push({
      what: `org principal writes into AWS-owned ${arn}`,
      caller: "org",
      owner,
      action: "s3:PutObject",
      resource: object,
      expect: "Denied",
    });
  }
  return rows;
}

function policyOf(opts: { id: string; region: string }): object {
  const service = getService(opts.id);
  const facts = service ? orgOnlyFacts({ service, partition: "aws", region: opts.region }) : NO_ORG_ONLY_FACTS;
  return orgOnlyPolicy({ organizationId: ORG, facts });
}

/** Services with org-only facts of their own, and sqs for the generic perimeter. */
const CURATED = allServices()
  .filter((s) => s.orgOnlySources.length > 0)
  .map((s) => s.id);
const TABLES: Array<{ id: string; region: string }> = [
  ...CURATED.map((id) => ({ id, region: REGION })),
  // EKS add-on images come from another account in some regions (EKS User Guide, add-on registries)
  { id: "ecr.dkr", region: "af-south-1" },
  { id: "sqs", region: REGION },
];

describe("org-only through an IAM policy evaluator", () => {
  test("the curated services are the ones issue 8 names, plus the SSM Agent's", () => {
    expect(CURATED).toEqual(
      expect.arrayContaining(["s3", "ecr.api", "ecr.dkr", "sts", "kms", "logs", "ssm", "ssmmessages", "ec2messages"]),
    );
  });

  describe.each(TABLES)("$id in $region", ({ id, region }) => {
    const rows = rowsOf({ id, region });
    const policy = policyOf({ id, region });

    test("has a table with the six perimeter questions or only resource-less actions", () => {
      expect(rows.length).toBeGreaterThanOrEqual(3);
    });

    test.each(rows.map((r) => [r.what, r] as const))("%s", async (_what, row) => {
      // the harness itself lets the request through: what denies it is the endpoint policy
      await expect(decide({ row, policy: AWS_DEFAULT_POLICY })).resolves.toBe("Allowed");
      await expect(decide({ row, policy })).resolves.toBe(row.expect);
    });
  });

  test("a look-alike of an AWS-owned bucket is not opened", async () => {
    const policy = policyOf({ id: "s3", region: REGION });
    const row: Row = {
      what: "anonymous read of a look-alike bucket",
      caller: "anonymous",
      owner: "lone",
      action: "s3:GetObject",
      resource: () => `arn:aws:s3:::prod-${REGION}-starport-layer-bucket-copy/x`,
      expect: "Denied",
    };
    await expect(decide({ row, policy })).resolves.toBe("Denied");
  });

  test("sts:GetCallerIdentity answers anyone: AWS evaluates no policy for it", async () => {
    // STS API Reference, GetCallerIdentity: "No permissions are required to perform this operation";
    // an explicit deny does not stop it, so the catalog does not list it.
    expect(getService("sts")!.resourceLessActions).not.toContain("sts:GetCallerIdentity");
    const row: Row = {
      what: "foreign GetCallerIdentity",
      caller: "foreign",
      owner: "none",
      action: "sts:GetCallerIdentity",
      resource: () => "*",
      expect: "Allowed",
    };
    await expect(decide({ row, policy: policyOf({ id: "sts", region: REGION }) })).resolves.toBe("Allowed");
  });

  test("the IRSA caller needs the sts facts: the generic perimeter denies it", async () => {
    const row: Row = {
      what: "federated",
      caller: "federated",
      owner: "org",
      action: "sts:AssumeRoleWithWebIdentity",
      resource: (a) => `arn:aws:iam::${a}:role/irsa`,
      expect: "Denied",
    };
    await expect(
      decide({ row, policy: orgOnlyPolicy({ organizationId: ORG, facts: NO_ORG_ONLY_FACTS }) }),
    ).resolves.toBe("Denied");
  });
});

describe("org-only facts in the catalog", () => {
  test("every action listed as resource-less names no resource in the Service Authorization Reference", async () => {
    for (const s of allServices())
      for (const a of s.resourceLessActions) {
        const [prefix, name] = a.split(":");
        await expect(isWildcardOnlyAction(prefix, name).then((w) => `${a}: ${w}`)).resolves.toBe(`${a}: true`);
      }
  });

  test("every other listed action exists and names a resource", async () => {
    for (const s of allServices())
      for (const a of [...s.awsOwnedResourceActions, ...s.awsOwnedAccountActions, ...s.federatedActions]) {
        const [prefix, name] = a.split(":");
        await expect(isWildcardOnlyAction(prefix, name).then((w) => `${a}: ${w}`)).resolves.toBe(`${a}: false`);
      }
  });

  test("every service's org-only policy fits AWS's 20,480 characters in every region", () => {
    let largest = 0;
    for (const service of allServices())
      for (const region of allRegions()) {
        const facts = orgOnlyFacts({ service, partition: region.partition, region: region.name });
        const size = JSON.stringify(orgOnlyPolicy({ organizationId: ORG, facts })).length;
        largest = Math.max(largest, size);
      }
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThanOrEqual(MAX_ENDPOINT_POLICY_CHARS);
  });

  test("the planner writes the same document the tables evaluate", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.defaults = { policy: "org-only" };
        s.vpcs[0].subnets[0].services = ["s3", "sts", "ecr.dkr", "sqs"];
      }),
    });
    const endpoints = r.plan!.stacks[0].vpcs[0].endpoints;
    for (const id of ["s3", "sts", "ecr.dkr", "sqs"]) {
      const ep = endpoints.find((e) => e.service === id)!;
      expect(ep.policy.kind).toBe("org-only");
      expect(JSON.parse(ep.policy.document!)).toEqual(policyOf({ id, region: REGION }));
    }
  });

  test("no statement relaxes a condition with IfExists", () => {
    for (const service of allServices()) {
      const facts = orgOnlyFacts({ service, partition: "aws", region: REGION });
      expect(JSON.stringify(orgOnlyPolicy({ organizationId: ORG, facts }))).not.toMatch(/IfExists/);
    }
  });
});
