import type { Located, PolicyChoice, SpecModel, EndpointSettings } from "../../input/spec-model";
import type { PolicyPlan } from "../plan";
import { orgOnlyPolicy } from "../policy-documents";
import type { ResolvedService } from "../service";
import type { RuleResult } from "./types";
import { finding } from "./types";

/**
 * The endpoint policy: the endpoint's own setting, else defaults.policy, else
 * full access. Full access is AWS's default, so no policy attribute is written
 * for it. A service that takes no policy gets none (with a warning when one
 * was asked for); services outside the catalog get one only when set.
 */
export function decidePolicy(
  spec: SpecModel,
  svc: ResolvedService,
  settings: EndpointSettings | undefined,
  at: Located,
): RuleResult<PolicyPlan> {
  const explicit = settings?.policy;
  const choice: PolicyChoice = explicit ?? (svc.custom ? { kind: "full-access" } : spec.defaults.policy);
  const where = explicit
    ? `${settings?.path}.policy`
    : svc.custom
      ? "services outside the catalog get a policy only when their entry sets one"
      : spec.defaults.policyPath
        ? "defaults.policy"
        : "default";
  if (!svc.policy) {
    const findings =
      choice.kind === "full-access"
        ? []
        : [
            finding(
              spec.file,
              settings?.policyPath ?? spec.defaults.policyPath ?? at,
              "POLICY_NOT_SUPPORTED",
              `${svc.key} does not support endpoint policies; the ${choice.kind} policy is not attached to its endpoint.`,
              "Control access with the security group and IAM instead.",
            ),
          ];
    return { decision: { kind: "unsupported" }, findings, reasons: [`${svc.key} takes no endpoint policy`] };
  }
  switch (choice.kind) {
    case "full-access":
      return {
        decision: { kind: "full-access" },
        findings: [],
        reasons: [`policy full-access (${where}): AWS's default policy, no policy attribute`],
      };
    case "org-only":
      return {
        decision: {
          kind: "org-only",
          document: JSON.stringify(
            orgOnlyPolicy({ organizationId: spec.organizationId as string, awsOwnedResources: svc.awsOwnedResources }),
          ),
        },
        findings: [],
        reasons: [
          `policy org-only (${where}): principals and resources of ${spec.organizationId}, AWS services${svc.awsOwnedResourcesWhy ? `, and ${svc.awsOwnedResourcesWhy}` : ""}`,
        ],
      };
    case "file":
      return {
        decision: { kind: "file", document: JSON.stringify(choice.document), source: choice.file },
        findings: [],
        reasons: [`policy from ${choice.file} (${where})`],
      };
  }
}
