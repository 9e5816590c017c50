/**
 * The spec format v1 as one JSON Schema, built with TypeBox. The validator
 * (Ajv) and the published `schema/spec.schema.json` both come from here, so
 * they cannot drift (a test compares the file with `specJsonSchema()`).
 *
 * `x-code` on a field names the diagnostic code a bad value gets; `x-hint`
 * says what is allowed, in the user's words.
 */
import { Type, type Static, type TString } from "@sinclair/typebox";

const NAME_PATTERN = "^[A-Za-z][A-Za-z0-9_-]{0,62}$";
const NAME_HINT = "a name of letters, digits, '-' and '_', starting with a letter (at most 63 characters)";

function name(description: string): TString {
  return Type.String({ pattern: NAME_PATTERN, description, "x-hint": NAME_HINT });
}

function RENAMED_FROM(what: string): string {
  return (
    `The name this ${what} had before (a rename): synth writes Terraform moved blocks from the old addresses, ` +
    "so nothing is destroyed; remove it once every state has applied it"
  );
}

function awsId(prefix: string, description: string): TString {
  return Type.String({
    pattern: `^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`,
    description,
    "x-code": "INVALID_ID",
    "x-hint": `an id of the form ${prefix}- followed by 8 or 17 lowercase hex digits, e.g. ${prefix}-0123456789abcdef0`,
  });
}

const Cidr = Type.String({
  description: "An IPv4 CIDR block, e.g. 10.20.0.0/16",
  "x-hint": "an IPv4 CIDR block such as 10.20.0.0/16",
});

const PolicyRef = Type.String({
  minLength: 1,
  description: "full-access | org-only | path to an IAM policy JSON file, relative to the spec file",
  "x-hint": "full-access, org-only, or the path of a JSON policy file relative to the spec",
});

/** Tag keys vpce writes itself on endpoints and security groups (`Name`, `vpce:*`): a spec cannot set them. */
const EndpointTags = Type.Record(
  Type.String({
    pattern: "^(?!aws:|vpce:|Name$)[\\s\\S]{1,128}$",
    description: "A tag key of 1-128 characters, not aws:*, vpce:* or Name (vpce sets those)",
  }),
  Type.String({ maxLength: 256 }),
  {
    description:
      "Tags of this endpoint and its security groups, merged over the stack tags (a key set here wins): " +
      "keys of 1-128 characters, not aws:*, vpce:* or Name (vpce sets Name and vpce:service), values up to 256",
    "x-hint": "a tag key of 1-128 characters, not starting with aws: or vpce:, and not Name",
    additionalProperties: false,
  },
);

export const EndpointOverrideSchema = Type.Object(
  {
    type: Type.Optional(
      Type.Unsafe<"gateway" | "interface" | "both" | "resource" | "service-network">({
        type: "string",
        enum: ["gateway", "interface", "both", "resource", "service-network"],
        description:
          "gateway | interface | both (both: s3 only). s3 and dynamodb default to gateway, all others to interface. " +
          "resource (with resourceConfigurationArn) and service-network (with serviceNetworkArn): a VPC Lattice " +
          "endpoint, requested by subnets under the entry's key.",
        "x-hint": "gateway, interface, both, resource or service-network",
      }),
    ),
    privateDns: Type.Optional(
      Type.Boolean({
        description:
          "Private DNS for the interface endpoint. " +
          "Default: defaults.privateDns (true); false for services outside the catalog.",
      }),
    ),
    policy: Type.Optional(PolicyRef),
    serviceName: Type.Optional(
      Type.String({
        pattern: "^[a-z0-9][a-z0-9.-]*[a-z0-9]$",
        description:
          "Full endpoint service name of a service outside the catalog (PrivateLink partner or in-house service).",
        "x-hint": "a full endpoint service name such as com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0",
      }),
    ),
    port: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 65535,
        description: "TCP port of a service outside the catalog. Default 443.",
      }),
    ),
    allowedCidrs: Type.Optional(
      Type.Array(Cidr, {
        description:
          "Extra CIDRs admitted by the interface endpoint's security group (on-premises or peered networks), " +
          "besides the requesting subnets.",
      }),
    ),
    allowedSecurityGroups: Type.Optional(
      Type.Array(awsId("sg", "A security group id"), {
        uniqueItems: true,
        description:
          "Security groups (by id) whose members the interface endpoint's security group admits on the service " +
          "port, besides the requesting subnets (ingress rules with referenced_security_group_id)",
      }),
    ),
    service: Type.Optional(
      Type.String({
        pattern: "^[a-z0-9][a-z0-9._-]*$",
        description:
          "Catalog id of the service this entry reaches in serviceRegion (cross-region PrivateLink); " +
          "default: the entry's key",
        "x-hint": "a catalog id such as s3",
      }),
    ),
    serviceRegion: Type.Optional(
      Type.String({
        pattern: "^[a-z]{2}(-[a-z]+)+-[0-9]+$",
        description:
          "Region of the service (service_region): an interface endpoint to a service AWS offers across regions",
        "x-hint": "a region code such as us-west-2",
      }),
    ),
    resourceConfigurationArn: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          "With type: resource, the VPC Lattice resource configuration the endpoint reaches " +
          "(arn:<partition>:vpc-lattice:<region>:<account>:resourceconfiguration/rcfg-...), in the spec's region",
        "x-hint": "arn:aws:vpc-lattice:<region>:<account>:resourceconfiguration/rcfg-<17 characters>",
      }),
    ),
    serviceNetworkArn: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          "With type: service-network, the VPC Lattice service network the endpoint reaches " +
          "(arn:<partition>:vpc-lattice:<region>:<account>:servicenetwork/sn-...), in the spec's region",
        "x-hint": "arn:aws:vpc-lattice:<region>:<account>:servicenetwork/sn-<17 characters>",
      }),
    ),
    ports: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 65535, "x-hint": "a TCP port from 1 to 65535" }), {
        minItems: 1,
        uniqueItems: true,
        description:
          "VPC Lattice endpoints (resource, service-network): the TCP ports the security group admits from the " +
          "requesting subnets (the resource's ports are not known offline). Default [443].",
      }),
    ),
    ipAddressType: Type.Optional(
      Type.Unsafe<"ipv4" | "dualstack" | "ipv6">({
        type: "string",
        enum: ["ipv4", "dualstack", "ipv6"],
        description:
          "Addresses of the endpoint's ENIs (ip_address_type): ipv4 (default), dualstack (every ENI subnet needs " +
          "ipv6Cidr; the security group admits the requesting subnets' IPv6 blocks too) or ipv6 " +
          "(AWS requires IPv6-only subnets). Gateway endpoints: where the catalog says the service takes it (s3).",
        "x-hint": "ipv4, dualstack or ipv6",
      }),
    ),
    dnsRecordIpType: Type.Optional(
      Type.Unsafe<"ipv4" | "dualstack" | "ipv6" | "service-defined">({
        type: "string",
        enum: ["ipv4", "dualstack", "ipv6", "service-defined"],
        description:
          "DNS records of the endpoint (dns_options.dns_record_ip_type): ipv4 with ipAddressType ipv4 or dualstack, " +
          "ipv6 with ipv6 or dualstack, dualstack and service-defined with dualstack only",
        "x-hint": "ipv4, dualstack, ipv6 or service-defined",
      }),
    ),
    fixedIps: Type.Optional(
      Type.Record(
        Type.String({ pattern: NAME_PATTERN }),
        Type.String({
          pattern: "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$",
          description: "The IPv4 address of the endpoint's ENI in that subnet",
          "x-hint": "an IPv4 address such as 10.20.1.10",
        }),
        {
          description:
            "Fixed IPv4 addresses of the interface endpoint's ENIs, by subnet name (subnet_configuration): " +
            "inside the subnet, not one of the 4 first or the last address AWS reserves, in a subnet that holds " +
            "one of the endpoint's ENIs",
          additionalProperties: false,
        },
      ),
    ),
    tags: Type.Optional(EndpointTags),
    renamedFrom: Type.Optional(
      Type.String({
        pattern: "^[a-z0-9][a-z0-9._-]*$",
        description:
          "The key this entry had before (a rename): synth writes Terraform moved blocks from the old addresses, " +
          "so nothing is destroyed; remove it once every state has applied it",
        "x-hint": "the entry's old key, such as s3-usw2",
      }),
    ),
    gbPerMonth: Type.Optional(
      Type.Number({
        minimum: 0,
        description:
          "Declared data volume of this service in this VPC, GB per month: prices the traffic a hub's spoke sends " +
          "through the Transit Gateway against a local endpoint (HUB_DEARER_THAN_LOCAL)",
        "x-hint": "a number of GB per month, 0 or more",
      }),
    ),
    useHub: Type.Optional(
      Type.Literal(false, {
        description:
          "In a spoke VPC (useHub): false keeps a local endpoint for this service although the hub offers it " +
          "(the VPC is then not associated with the hub's zone for it)",
        "x-hint": "false (the only value: the service stays local in this spoke)",
      }),
    ),
  },
  { additionalProperties: false, description: "Per-service settings for one VPC" },
);

export const SubnetSchema = Type.Object(
  {
    name: name("Unique in the VPC; used in Terraform addresses of security group rules"),
    id: awsId("subnet", "The subnet id"),
    az: Type.Optional(
      Type.String({ description: "Availability Zone name, e.g. eu-central-1a (az or azId is required)" }),
    ),
    azId: Type.Optional(Type.String({ description: "Availability Zone id, e.g. euc1-az2 (az or azId is required)" })),
    cidr: Cidr,
    ipv6Cidr: Type.Optional(
      Type.String({
        description:
          "The subnet's IPv6 block (e.g. 2001:db8:1234:1a00::/64): dualstack endpoints admit it, and need it on " +
          "every ENI subnet",
        "x-hint": "an IPv6 CIDR block such as 2001:db8:1234:1a00::/64",
      }),
    ),
    routeTable: Type.Optional(
      awsId("rtb", "Route table of the subnet; required when the subnet needs a gateway endpoint"),
    ),
    services: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: "Services the subnet's workloads must reach privately (catalog ids or endpoints keys)",
      }),
    ),
    bundles: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: "Named groups of services" })),
    renamedFrom: Type.Optional(name(RENAMED_FROM("subnet"))),
  },
  { additionalProperties: false },
);

export const VpcSchema = Type.Object(
  {
    name: name("Unique in the stack; used in Terraform addresses"),
    renamedFrom: Type.Optional(name(RENAMED_FROM("VPC"))),
    id: awsId("vpc", "The VPC id"),
    cidr: Cidr,
    additionalCidrs: Type.Optional(Type.Array(Cidr, { description: "Secondary CIDR blocks of the VPC" })),
    endpointSubnets: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        minItems: 1,
        description: "Names of the subnets that hold interface endpoint ENIs (one per AZ is used)",
      }),
    ),
    subnets: Type.Array(SubnetSchema, { minItems: 1 }),
    hub: Type.Optional(
      Type.Object(
        {
          services: Type.Array(
            Type.String({ pattern: "^[a-z0-9][a-z0-9._-]*$", "x-hint": "a catalog id such as kms" }),
            {
              minItems: 1,
              uniqueItems: true,
              description: "Catalog ids of the interface endpoints this hub VPC hosts for its spokes",
            },
          ),
        },
        {
          additionalProperties: false,
          description:
            "This VPC is a hub: it hosts interface endpoints (private DNS off) that spoke VPCs (useHub) reach " +
            "through Route 53 private hosted zones and the network they already have (Transit Gateway, peering)",
        },
      ),
    ),
    useHub: Type.Optional(
      Type.String({
        pattern: `^${NAME_PATTERN.slice(1, -1)}/${NAME_PATTERN.slice(1, -1)}$`,
        description:
          "<stack>/<vpc> of a hub VPC (hub:): the services it offers are served from there, the rest stays local",
        "x-hint": "<stack>/<vpc> of the hub, e.g. network-hub/endpoints",
      }),
    ),
    retire: Type.Optional(
      Type.Record(
        Type.String({ pattern: "^vpce-([0-9a-f]{8}|[0-9a-f]{17})$" }),
        Type.Unsafe<"adopt" | "delete">({
          type: "string",
          enum: ["adopt", "delete"],
          description:
            "adopt: step 1, synth imports the endpoint (as the inventory records it) into " +
            "aws_vpc_endpoint.<vpc>_retired_<id>; delete: step 2, after step 1 was applied, synth leaves it out " +
            "and the next apply destroys it",
          "x-hint": "adopt (step 1: import it) or delete (step 2: destroy it)",
        }),
        {
          description:
            "Existing endpoints of this VPC that Terraform is to remove, by endpoint id (vpce- and 8 or 17 " +
            "lowercase hex digits, as the inventory records it), in two applies: adopt, then delete",
          additionalProperties: false,
        },
      ),
    ),
    endpoints: Type.Optional(
      Type.Record(Type.String({ pattern: "^[a-z0-9][a-z0-9._-]*$" }), EndpointOverrideSchema, {
        description:
          "Per-service overrides for this VPC, keyed by catalog id, " +
          "or new keys with serviceName for services outside the catalog",
        // TypeBox's Record only sets patternProperties: without this, a key outside the pattern
        // (`_x`, `__proto__`, `Bad Key`) escaped validation and its value reached the semantic checks unchecked.
        additionalProperties: false,
      }),
    ),
  },
  { additionalProperties: false },
);

const S3BackendSchema = Type.Object(
  {
    bucket: Type.String({ minLength: 3, maxLength: 63 }),
    key: Type.String({ minLength: 1 }),
    region: Type.String({ minLength: 1 }),
    dynamodbTable: Type.Optional(Type.String({ minLength: 1 })),
    useLockfile: Type.Optional(Type.Boolean()),
    encrypt: Type.Optional(Type.Boolean()),
    roleArn: Type.Optional(Type.String({ pattern: "^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$" })),
  },
  { additionalProperties: false },
);

const LocalBackendSchema = Type.Object(
  {
    path: Type.String({
      pattern: "^[^/\\\\]",
      description: "State file path, relative to the project root (the folder holding cdktf.json)",
      "x-hint": "a relative path (absolute paths make the output machine-specific)",
    }),
  },
  { additionalProperties: false },
);

export const SpecSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    version: Type.Literal(1, {
      "x-code": "UNSUPPORTED_VERSION",
      "x-hint": "version: 1 (the only spec format version)",
    }),
    stack: Type.Optional(name("Stack name; default: the file name without extension")),
    region: Type.String({ description: "AWS region, e.g. eu-central-1" }),
    account: Type.Optional(
      Type.String({
        pattern: "^[0-9]{12}$",
        description: "AWS account id (quote it in YAML)",
        "x-code": "INVALID_ID",
        "x-hint": "12 digits, quoted",
      }),
    ),
    assumeRoleArn: Type.Optional(
      Type.String({
        pattern: "^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$",
        description: "Role the provider assumes",
        "x-hint": "arn:aws:iam::<account>:role/<name>",
      }),
    ),
    organizationId: Type.Optional(
      Type.String({
        pattern: "^o-[a-z0-9]{10,32}$",
        description: "AWS Organizations id, needed by policy: org-only",
        "x-code": "INVALID_ID",
        "x-hint": "o- followed by 10 to 32 lowercase letters or digits",
      }),
    ),
    backend: Type.Optional(
      Type.Object(
        { s3: Type.Optional(S3BackendSchema), local: Type.Optional(LocalBackendSchema) },
        {
          additionalProperties: false,
          minProperties: 1,
          maxProperties: 1,
          description: "Terraform backend; default: local state file terraform.<stack>.tfstate",
          "x-hint": "exactly one of s3 or local",
        },
      ),
    ),
    tags: Type.Optional(
      Type.Record(Type.String({ pattern: "^(?!aws:)[\\s\\S]{1,128}$" }), Type.String({ maxLength: 256 }), {
        description:
          "Tags applied to every resource (provider default_tags): " +
          "keys of 1-128 characters not starting with aws:, values up to 256",
        additionalProperties: false,
      }),
    ),
    defaults: Type.Optional(
      Type.Object(
        {
          privateDns: Type.Optional(Type.Boolean({ description: "Default true" })),
          policy: Type.Optional(PolicyRef),
        },
        { additionalProperties: false },
      ),
    ),
    vpcs: Type.Array(VpcSchema, { minItems: 1 }),
  },
  { additionalProperties: false, title: "vpce spec v1" },
);

export type Spec = Static<typeof SpecSchema>;
export type VpcSpec = Static<typeof VpcSchema>;
export type SubnetSpec = Static<typeof SubnetSchema>;
export type EndpointOverride = Static<typeof EndpointOverrideSchema>;

/** The published JSON Schema (draft-07 dialect, for the YAML language server). */
export function specJsonSchema(): object {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://vpce.dev/schema/spec.schema.json",
    ...JSON.parse(JSON.stringify(SpecSchema)),
  };
}
