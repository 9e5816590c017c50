import { aliasesOf, allAliases, allBundles, allServices, getService, resolveAlias } from "../../src/catalog";

describe("resolveAlias", () => {
  test.each([
    // names commonly written another way
    ["secrets-manager", "secretsmanager"],
    ["secretsmanager", "secretsmanager"],
    ["ecr-api", "ecr.api"],
    ["ecr-dkr", "ecr.dkr"],
    ["cloudwatch-logs", "logs"],
    ["cloudwatch", "monitoring"],
    ["eventbridge", "events"],
    ["step-functions", "states"],
    ["kinesis", "kinesis-streams"],
    ["elb", "elasticloadbalancing"],
    ["api-gateway", "execute-api"],
    ["apigateway", "execute-api"],
    ["keyspaces", "cassandra"],
    ["efs", "elasticfilesystem"],
    ["sagemaker-notebook", "notebook"],
    ["msk", "kafka"],
    ["firehose", "kinesis-firehose"],
    // spelling variants of ids and aliases
    ["ECR_DKR", "ecr.dkr"],
    ["Secrets Manager", "secretsmanager"],
    ["SecretsManager", "secretsmanager"],
    ["sagemaker_runtime", "sagemaker.runtime"],
    ["Step_Functions", "states"],
    ["  ssm  ", "ssm"],
  ])("%s -> %s", (name, id) => {
    expect(resolveAlias(name)).toBe(id);
  });

  test.each([["ecr"], ["nonsense"], [""], ["prometheus"], ["..."]])(
    "%j resolves to nothing (unknown or ambiguous)",
    (name) => {
      expect(resolveAlias(name)).toBeUndefined();
    },
  );
});

describe("alias data", () => {
  test("every alias points to a service, none is a service id, none is duplicated", () => {
    const aliases = allAliases();
    expect(aliases.length).toBeGreaterThan(100);
    const seen = new Set<string>();
    for (const a of aliases) {
      expect(getService(a.id)).toBeDefined();
      expect(getService(a.alias)).toBeUndefined();
      expect(seen.has(a.alias)).toBe(false);
      seen.add(a.alias);
      expect(a.source).not.toBe("");
    }
  });

  test("no alias is a bundle id", () => {
    const bundles = new Set(allBundles().map((b) => b.id));
    expect(allAliases().filter((a) => bundles.has(a.alias))).toEqual([]);
  });

  test("every alias resolves to its own id (no spelling variant of another name wins)", () => {
    expect(allAliases().filter((a) => resolveAlias(a.alias) !== a.id)).toEqual([]);
  });

  test("every id resolves to itself", () => {
    expect(allServices().filter((s) => resolveAlias(s.id) !== s.id)).toEqual([]);
  });

  test("aliasesOf lists the names of one service", () => {
    expect(aliasesOf("secretsmanager")).toContain("secrets-manager");
    expect(aliasesOf("logs")).toEqual(expect.arrayContaining(["cloudwatch-logs"]));
  });
});
