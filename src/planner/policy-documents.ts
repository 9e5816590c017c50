/** Endpoint policy documents vpce writes. Pure functions of their inputs. */

/** AWS's default endpoint policy: what an endpoint without a policy attribute gets. */
export const AWS_DEFAULT_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
};

/**
 * Organization perimeter (aws-samples/data-perimeter-policy-examples):
 * principals of the organization on resources of the organization (or on
 * actions that name no resource), and AWS services acting on its behalf.
 * Where the catalog lists AWS-owned resources for the service (S3: buckets of
 * ECR layers, Amazon Linux repositories, SSM), org principals may also read them.
 */
export function orgOnlyPolicy(opts: { organizationId: string; awsOwnedResources: readonly string[] }): object {
  const { organizationId } = opts;
  const statements: object[] = [
    {
      Sid: "OrgPrincipalsToOrgResources",
      Effect: "Allow",
      Principal: "*",
      Action: "*",
      Resource: "*",
      // IfExists: actions without a resource (sts:GetCallerIdentity, ecr:GetAuthorizationToken,
      // kms:ListKeys...) carry no aws:ResourceOrgID; plain StringEquals would deny them.
      Condition: {
        StringEquals: { "aws:PrincipalOrgID": organizationId },
        StringEqualsIfExists: { "aws:ResourceOrgID": organizationId },
      },
    },
    {
      Sid: "AwsServicesOnBehalfOfOrg",
      Effect: "Allow",
      Principal: "*",
      Action: "*",
      Resource: "*",
      Condition: { Bool: { "aws:PrincipalIsAWSService": "true" } },
    },
  ];
  if (opts.awsOwnedResources.length > 0) {
    statements.push({
      Sid: "OrgPrincipalsToAwsOwnedBuckets",
      Effect: "Allow",
      Principal: "*",
      Action: ["s3:GetObject"],
      Resource: [...opts.awsOwnedResources],
      Condition: { StringEquals: { "aws:PrincipalOrgID": organizationId } },
    });
  }
  return { Version: "2012-10-17", Statement: statements };
}
