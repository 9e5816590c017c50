/**
 * Exact endpoint service names in every partition. Expected values come from
 * outside the catalog: real describe-vpc-endpoint-services output quoted in
 * aws/aws-cdk #9864, #25329 and PR #25333 (China), terraform-aws-vpc #1121
 * (China: sns keeps com.amazonaws), AWS China workshops (S3 gateway
 * com.amazonaws.cn-north-1.s3), docs/AWS-RULES.md (aws.sagemaker, aws.api, global
 * names), and the prefixes of aws-cdk-lib's getDefaultEndpointPrefix (ISO, EUSC).
 */
import {
  allRegions,
  allServices,
  getRegion,
  getService,
  namePrefix,
  serviceName,
  serviceNames,
  type EndpointType,
} from "../../src/catalog";

function nameOf(id: string, region: string, type?: EndpointType): string {
  const svc = getService(id);
  if (!svc) throw new Error(`no service ${id}`);
  return serviceName(svc, region, type);
}

describe("service names", () => {
  describe("commercial", () => {
    test.each([
      ["ssm", "us-east-1", "com.amazonaws.us-east-1.ssm"],
      ["ecr.api", "eu-central-1", "com.amazonaws.eu-central-1.ecr.api"],
      ["ecr.dkr", "eu-central-1", "com.amazonaws.eu-central-1.ecr.dkr"],
      ["execute-api", "ap-southeast-2", "com.amazonaws.ap-southeast-2.execute-api"],
      ["sagemaker.runtime", "us-west-2", "com.amazonaws.us-west-2.sagemaker.runtime"],
      ["apprunner.requests", "us-east-1", "com.amazonaws.us-east-1.apprunner.requests"],
      ["ssm-fips", "us-east-1", "com.amazonaws.us-east-1.ssm-fips"],
      ["kms-fips", "ca-central-1", "com.amazonaws.ca-central-1.kms-fips"],
      ["cassandra", "eu-west-1", "com.amazonaws.eu-west-1.cassandra"],
      ["transcribe", "us-east-1", "com.amazonaws.us-east-1.transcribe"],
      ["notebook", "us-east-1", "aws.sagemaker.us-east-1.notebook"],
      ["studio", "eu-west-2", "aws.sagemaker.eu-west-2.studio"],
      ["experiments", "us-east-2", "aws.sagemaker.us-east-2.experiments"],
      ["partner-app", "us-east-1", "aws.sagemaker.us-east-1.partner-app"],
      ["freetier", "us-east-1", "aws.api.us-east-1.freetier"],
      ["bcm-data-exports", "us-east-1", "aws.api.us-east-1.bcm-data-exports"],
      ["kendra-ranking", "us-west-2", "aws.api.us-west-2.kendra-ranking"],
      ["qbusiness", "us-east-1", "aws.api.us-east-1.qbusiness"],
    ])("%s in %s is %s", (id, region, expected) => {
      expect(nameOf(id, region)).toBe(expected);
    });

    test("s3 and dynamodb: gateway and interface share the name; gateway is the default type", () => {
      expect(nameOf("s3", "us-east-1", "Gateway")).toBe("com.amazonaws.us-east-1.s3");
      expect(nameOf("s3", "us-east-1", "Interface")).toBe("com.amazonaws.us-east-1.s3");
      expect(nameOf("dynamodb", "eu-west-1")).toBe("com.amazonaws.eu-west-1.dynamodb");
      expect(nameOf("s3express", "us-west-2")).toBe("com.amazonaws.us-west-2.s3express");
      expect(serviceNames(getService("s3")!, "us-east-1")).toEqual({
        Gateway: "com.amazonaws.us-east-1.s3",
        Interface: "com.amazonaws.us-east-1.s3",
      });
    });
  });

  describe("global names have no region, in every partition", () => {
    test.each([
      ["iam", "com.amazonaws.iam"],
      ["s3-global.accesspoint", "com.amazonaws.s3-global.accesspoint"],
      ["savingsplans", "com.amazonaws.savingsplans"],
      ["route53", "com.amazonaws.route53"],
      ["codecatalyst", "aws.api.global.codecatalyst"],
    ])("%s is %s", (id, expected) => {
      for (const region of ["us-east-1", "cn-north-1", "us-gov-west-1", "eusc-de-east-1"])
        expect(nameOf(id, region)).toBe(expected);
      expect(getService(id)?.global).toBe(true);
    });
  });

  describe("China", () => {
    test.each([
      // cn.com.amazonaws subset (describe-vpc-endpoint-services output in aws-cdk #25329 / #25333,
      // terraform-aws-vpc #1121)
      ["ecr.dkr", "cn-north-1", "cn.com.amazonaws.cn-north-1.ecr.dkr"],
      ["ecr.api", "cn-northwest-1", "cn.com.amazonaws.cn-northwest-1.ecr.api"],
      ["execute-api", "cn-north-1", "cn.com.amazonaws.cn-north-1.execute-api"],
      ["ec2", "cn-northwest-1", "cn.com.amazonaws.cn-northwest-1.ec2"],
      ["sqs", "cn-northwest-1", "cn.com.amazonaws.cn-northwest-1.sqs"],
      ["lambda", "cn-northwest-1", "cn.com.amazonaws.cn-northwest-1.lambda"],
      ["elasticache", "cn-north-1", "cn.com.amazonaws.cn-north-1.elasticache"],
      ["sagemaker.runtime", "cn-north-1", "cn.com.amazonaws.cn-north-1.sagemaker.runtime"],
      ["cloudformation", "cn-north-1", "cn.com.amazonaws.cn-north-1.cloudformation"],
      ["account", "cn-northwest-1", "cn.com.amazonaws.cn-northwest-1.account"],
      // the rest keep com.amazonaws
      ["kms", "cn-north-1", "com.amazonaws.cn-north-1.kms"],
      ["sns", "cn-northwest-1", "com.amazonaws.cn-northwest-1.sns"],
      ["logs", "cn-north-1", "com.amazonaws.cn-north-1.logs"],
      ["secretsmanager", "cn-north-1", "com.amazonaws.cn-north-1.secretsmanager"],
      ["account", "cn-north-1", "com.amazonaws.cn-north-1.account"],
      ["dynamodb", "cn-north-1", "com.amazonaws.cn-north-1.dynamodb"],
      // transcribe: prefix and .cn suffix
      ["transcribe", "cn-north-1", "cn.com.amazonaws.cn-north-1.transcribe.cn"],
      ["transcribe", "cn-northwest-1", "cn.com.amazonaws.cn-northwest-1.transcribe.cn"],
      // aws.sagemaker keeps its prefix
      ["notebook", "cn-northwest-1", "aws.sagemaker.cn-northwest-1.notebook"],
      ["studio", "cn-north-1", "aws.sagemaker.cn-north-1.studio"],
    ])("%s in %s is %s", (id, region, expected) => {
      expect(nameOf(id, region)).toBe(expected);
    });

    test("the S3 gateway keeps com.amazonaws, the S3 interface endpoint takes cn.com.amazonaws", () => {
      expect(nameOf("s3", "cn-north-1", "Gateway")).toBe("com.amazonaws.cn-north-1.s3");
      expect(nameOf("s3", "cn-north-1", "Interface")).toBe("cn.com.amazonaws.cn-north-1.s3");
      expect(nameOf("s3", "cn-northwest-1")).toBe("com.amazonaws.cn-northwest-1.s3");
    });
  });

  describe("GovCloud, ISO, ISO-B, ISO-E, ISO-F, European Sovereign Cloud", () => {
    test.each([
      ["ssm", "us-gov-west-1", "com.amazonaws.us-gov-west-1.ssm"],
      ["ecr.dkr", "us-gov-east-1", "com.amazonaws.us-gov-east-1.ecr.dkr"],
      ["sts-fips", "us-gov-west-1", "com.amazonaws.us-gov-west-1.sts-fips"],
      ["ec2", "us-iso-east-1", "gov.ic.c2s.us-iso-east-1.ec2"],
      ["ecr.api", "us-iso-west-1", "gov.ic.c2s.us-iso-west-1.ecr.api"],
      ["monitoring", "us-iso-west-1", "gov.ic.c2s.us-iso-west-1.monitoring"],
      ["monitoring", "us-iso-east-1", "com.amazonaws.us-iso-east-1.monitoring"],
      ["kms", "us-iso-east-1", "com.amazonaws.us-iso-east-1.kms"],
      ["sqs", "us-isob-east-1", "gov.sgov.sc2s.us-isob-east-1.sqs"],
      ["logs", "us-isob-east-1", "com.amazonaws.us-isob-east-1.logs"],
      ["execute-api", "us-isob-west-1", "gov.sgov.sc2s.us-isob-west-1.execute-api"],
      ["ecr.dkr", "eu-isoe-west-1", "uk.adc-e.cloud.eu-isoe-west-1.ecr.dkr"],
      ["ebs", "us-isof-south-1", "gov.ic.hci.csp.us-isof-south-1.ebs"],
      ["ecr.api", "eusc-de-east-1", "eu.amazonaws.eusc-de-east-1.ecr.api"],
      ["securityhub", "eusc-de-east-1", "eu.amazonaws.eusc-de-east-1.securityhub"],
      ["ssm", "eusc-de-east-1", "com.amazonaws.eusc-de-east-1.ssm"],
    ])("%s in %s is %s", (id, region, expected) => {
      expect(nameOf(id, region)).toBe(expected);
    });
  });

  test("namePrefix applies only the region's exception list", () => {
    expect(namePrefix("ecr.dkr", "cn-north-1")).toBe("cn.com.amazonaws");
    expect(namePrefix("kms", "cn-north-1")).toBe("com.amazonaws");
    expect(namePrefix("ecr.dkr", "us-east-1")).toBe("com.amazonaws");
  });

  test("a type the service does not offer is an error, not a made-up name", () => {
    expect(() => nameOf("ssm", "us-east-1", "Gateway")).toThrow(/no gateway endpoint/);
    expect(() => nameOf("s3express", "us-east-1", "Interface")).toThrow(/no interface endpoint/);
  });

  test("every service has a well-formed name in every region", () => {
    const shape = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
    const bad: string[] = [];
    for (const r of allRegions()) {
      for (const s of allServices()) {
        for (const [type, name] of Object.entries(serviceNames(s, r.name)) as Array<[string, string]>) {
          const ok =
            shape.test(name) &&
            (s.global || name.includes(`.${r.name}.`)) &&
            (name.endsWith(`.${s.id}`) || name.endsWith(`.${s.id}.cn`));
          if (!ok) bad.push(`${s.id} ${type} ${r.name}: ${name}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe("service facts", () => {
  test.each([
    ["cassandra", 9142],
    ["cassandra-fips", 9142],
    ["ssm", 443],
    ["s3", 443],
  ])("%s listens on %i", (id, port) => {
    expect(getService(id)?.port).toBe(port);
  });

  test("endpoint policy support defaults to true and is false where a source says so", () => {
    expect(getService("apprunner.requests")?.policy).toBe(false);
    expect(getService("s3")?.policy).toBe(true);
    expect(getService("ssm")?.policy).toBe(true);
  });

  test("FIPS variants are marked", () => {
    expect(getService("ssm-fips")?.fips).toBe(true);
    expect(getService("ssm")?.fips).toBe(false);
    const fips = allServices().filter((s) => s.fips);
    expect(fips.length).toBeGreaterThan(50);
    for (const s of fips) expect(s.id).toMatch(/-fips$/);
  });

  test("types: gateway services and the default type", () => {
    expect(getService("s3")?.types).toEqual(["Gateway", "Interface"]);
    expect(getService("dynamodb")?.types).toEqual(["Gateway", "Interface"]);
    expect(getService("s3express")?.types).toEqual(["Gateway"]);
    expect(
      allServices()
        .filter((s) => s.types.includes("Gateway"))
        .map((s) => s.id),
    ).toEqual(["dynamodb", "s3", "s3express"]);
  });

  test("the catalog covers at least the ~390 aws-cdk-lib services", () => {
    expect(allServices().length).toBeGreaterThanOrEqual(390);
  });
});

describe("regions", () => {
  test.each([
    ["us-east-1", "aws", "use1"],
    ["cn-north-1", "aws-cn", "cnn1"],
    ["us-gov-west-1", "aws-us-gov", "usgw1"],
    ["us-iso-east-1", "aws-iso", undefined],
    ["us-isob-east-1", "aws-iso-b", undefined],
    ["eu-isoe-west-1", "aws-iso-e", undefined],
    ["us-isof-south-1", "aws-iso-f", undefined],
    ["eusc-de-east-1", "aws-eusc", undefined],
  ])("%s is in %s (AZ ids %s)", (name, partition, azIdPrefix) => {
    const r = getRegion(name);
    expect(r?.partition).toBe(partition);
    expect(r?.azIdPrefix).toBe(azIdPrefix);
  });

  test("partition prefixes and domains", () => {
    expect(getRegion("cn-northwest-1")).toMatchObject({
      partitionPrefix: "cn.com.amazonaws",
      domainSuffix: "amazonaws.com.cn",
    });
    expect(getRegion("eusc-de-east-1")).toMatchObject({
      partitionPrefix: "eu.amazonaws",
      domainSuffix: "amazonaws.eu",
    });
    expect(getRegion("nowhere-1")).toBeUndefined();
  });

  test("every partition vpce must know is there", () => {
    const partitions = new Set(allRegions().map((r) => r.partition));
    for (const p of ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"])
      expect(partitions).toContain(p);
  });
});
