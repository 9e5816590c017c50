/** Endpoint policy documents vpce writes. Pure functions of their inputs. */
import type { OrgOnlyFacts } from "../catalog";

/** AWS's default endpoint policy: what an endpoint without a policy attribute gets. */
export const AWS_DEFAULT_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
};

/**
 * The most characters AWS accepts in a VPC endpoint policy, white space included
 * (AWS PrivateLink guide, Quotas: "VPC endpoint policy size", 20,480 characters).
 */
export const MAX_ENDPOINT_POLICY_CHARS = 20_480;

/**
 * Organization perimeter, built statement by statement from AWS's reference
 * policies; the per-service facts come from the catalog (services.json, with
 * their sources). What each statement lets through is proven with an IAM
 * policy evaluator in __tests__/policy.
 *
 * No statement relaxes a condition with IfExists: a resource of an account that
 * belongs to no organization has no aws:ResourceOrgID, and IfExists would let
 * org principals write to it. Actions that name no resource are listed instead.
 */
export function orgOnlyPolicy(opts: { organizationId: string; facts: OrgOnlyFacts }): object {
  const { organizationId: org, facts } = opts;
  const statements: object[] = [
    // aws-samples/data-perimeter-policy-examples, vpc_endpoint_policies/default_endpoint_policy.json,
    // AllowRequestsByOrgsIdentitiesToOrgsResources.
    {
      Sid: "AllowRequestsByOrgsIdentitiesToOrgsResources",
      Effect: "Allow",
      Principal: "*",
      Action: "*",
      Resource: "*",
      Condition: { StringEquals: { "aws:PrincipalOrgID": org, "aws:ResourceOrgID": org } },
    },
    // default_endpoint_policy.json, AllowRequestsByAWSServicePrincipals: AWS services acting on the org's behalf.
    {
      Sid: "AllowRequestsByAWSServicePrincipals",
      Effect: "Allow",
      Principal: "*",
      Action: "*",
      Resource: "*",
      Condition: { Bool: { "aws:PrincipalIsAWSService": "true" } },
    },
  ];
  if (facts.resourceLessActions.length > 0) {
    // Actions whose Resource types column is empty in the Service Authorization Reference carry no
    // aws:ResourceOrgID, so the first statement denies them; they act in the caller's own account.
    statements.push({
      Sid: "AllowRequestsByOrgsIdentitiesToActionsWithoutResource",
      Effect: "Allow",
      Principal: "*",
      Action: [...facts.resourceLessActions],
      Resource: "*",
      Condition: { StringEquals: { "aws:PrincipalOrgID": org } },
    });
  }
  if (facts.federatedActions.length > 0) {
    // IAM User Guide, "Control access to AWS STS with VPC endpoint policies": SAML and OIDC callers
    // (EKS IRSA) have no AWS identity, hence no aws:PrincipalOrgID; the role they assume must still
    // belong to the organization. resource_control_policies/README.md leaves these actions out of the
    // org-identity statement for the same reason (aws-samples/data-perimeter-policy-examples).
    statements.push({
      Sid: "AllowFederatedRequestsToOrgsRoles",
      Effect: "Allow",
      Principal: "*",
      Action: [...facts.federatedActions],
      Resource: "*",
      Condition: { StringEquals: { "aws:ResourceOrgID": org } },
    });
  }
  if (facts.awsOwnedAccounts.length > 0) {
    // vpc_endpoint_policies/ecr.api_endpoint_policy.json, AllowRequestsByOrgsIdentitiesToAWSResources,
    // narrowed to the pull actions AWS's ECR guidance names for service-owned repositories
    // (service_specific_guidance/ecr-specific-guidance.md); accounts: EKS add-on registries per region.
    statements.push({
      Sid: "AllowRequestsByOrgsIdentitiesToAWSResources",
      Effect: "Allow",
      Principal: "*",
      Action: [...facts.awsOwnedAccountActions],
      Resource: "*",
      Condition: {
        StringEquals: { "aws:PrincipalOrgID": org, "aws:ResourceAccount": [...facts.awsOwnedAccounts] },
      },
    });
  }
  if (facts.awsOwnedResources.length > 0) {
    // vpc_endpoint_policies/s3_endpoint_policy.json, AllowRequestsToAWSOwnedResources: no condition, since
    // Amazon Linux repositories and SSM Agent downloads are read without credentials and ECR layers through
    // URLs presigned by ECR's own account (service_owned_resources.md). Reading AWS's buckets moves no data out.
    statements.push({
      Sid: "AllowRequestsToAWSOwnedResources",
      Effect: "Allow",
      Principal: "*",
      Action: [...facts.awsOwnedResourceActions],
      Resource: [...facts.awsOwnedResources],
    });
  }
  return { Version: "2012-10-17", Statement: statements };
}
