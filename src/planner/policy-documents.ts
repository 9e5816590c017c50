/** Endpoint policy documents vpce writes. Pure functions of their inputs. */

/** AWS's default endpoint policy: what an endpoint without a policy attribute gets. */
export const AWS_DEFAULT_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
};

/**
 * AWS-owned S3 buckets that private workloads read through the S3 endpoint:
 * ECR image layers, Amazon Linux package repositories, SSM agent updates and
 * patching. An org-only policy must let them through or image pulls and
 * package installs break (see ECR and Systems Manager VPC endpoint guides).
 */
export function awsOwnedBuckets(partition: string, region: string): string[] {
  return [
    `arn:${partition}:s3:::prod-${region}-starport-layer-bucket/*`,
    `arn:${partition}:s3:::amazonlinux.${region}.amazonaws.com/*`,
    `arn:${partition}:s3:::amazonlinux-2-repos-${region}/*`,
    `arn:${partition}:s3:::al2023-repos-${region}-*/*`,
    `arn:${partition}:s3:::aws-ssm-${region}/*`,
    `arn:${partition}:s3:::amazon-ssm-${region}/*`,
    `arn:${partition}:s3:::amazon-ssm-packages-${region}/*`,
    `arn:${partition}:s3:::${region}-birdwatcher-prod/*`,
    `arn:${partition}:s3:::aws-ssm-distributor-file-${region}/*`,
    `arn:${partition}:s3:::aws-ssm-document-attachments-${region}/*`,
    `arn:${partition}:s3:::patch-baseline-snapshot-${region}/*`,
  ];
}

/**
 * Organization perimeter (aws-samples/data-perimeter-policy-examples):
 * principals of the organization on resources of the organization (or on
 * actions that name no resource), and AWS services acting on its behalf.
 * For S3, org principals may also read the AWS-owned buckets listed above.
 */
export function orgOnlyPolicy(organizationId: string, service: string, partition: string, region: string): object {
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
  if (service === "s3") {
    statements.push({
      Sid: "OrgPrincipalsToAwsOwnedBuckets",
      Effect: "Allow",
      Principal: "*",
      Action: ["s3:GetObject"],
      Resource: awsOwnedBuckets(partition, region),
      Condition: { StringEquals: { "aws:PrincipalOrgID": organizationId } },
    });
  }
  return { Version: "2012-10-17", Statement: statements };
}
