import { getService, NO_ORG_ONLY_FACTS, orgOnlyFacts } from "../../catalog";
import type { Located, PolicyChoice, SpecModel, EndpointSettings } from "../../input/spec-model";
import type { PolicyPlan } from "../plan";
import { orgOnlyPolicy } from "../policy-documents";
import type { ResolvedService } from "../service";
import type { Decided } from "./types";

export interface PolicyDecision {
  readonly policy: PolicyPlan;
  /** The policy asked for (the endpoint's, the defaults', or full access); differs from `policy` when unsupported. */
  readonly choice: PolicyChoice;
  /** Where the choice was written: the endpoint's policy, else defaults.policy, else the endpoint. */
  readonly choiceAt: Located;
}

/**
 * The endpoint policy: the endpoint's own setting, else defaults.policy, else
 * full access. Full access is AWS's default, so no policy attribute is written
 * for it. A service that takes no policy gets none (the plan rule
 * policy-not-supported warns when one was asked for); services outside the
 * catalog get one only when set.
 */
export function decidePolicy(opts: {
  spec: SpecModel;
  svc: ResolvedService;
  settings?: EndpointSettings;
  /** Where the endpoint is written (its endpoints entry, else its first request). */
  at: Located;
}): Decided<PolicyDecision> {
  const { spec, svc, settings, at } = opts;
  const explicit = settings?.policy;
  // defaults.policy is for catalog services: a custom service gets one only when set, a Lattice endpoint never
  const choice: PolicyChoice = explicit ?? (svc.custom || svc.lattice ? { kind: "full-access" } : spec.defaults.policy);
  const where = explicit
    ? `${settings?.path}.policy`
    : svc.custom
      ? "services outside the catalog get a policy only when their entry sets one"
      : spec.defaults.policyPath
        ? "defaults.policy"
        : "default";
  const decided = (policy: PolicyPlan, reason: string): Decided<PolicyDecision> => ({
    decision: { policy, choice, choiceAt: settings?.policyPath ?? spec.defaults.policyPath ?? at },
    reasons: [reason],
  });
  if (svc.lattice)
    return decided(
      { kind: "unsupported" },
      "no endpoint policy: VPC endpoint policies are for interface and gateway endpoints (EC2 CreateVpcEndpoint); " +
        `the ${svc.lattice.type === "Resource" ? "resource configuration's" : "service network's"} own sharing ` +
        "and auth policy decide who reaches it",
    );
  if (!svc.policy) return decided({ kind: "unsupported" }, `${svc.key} takes no endpoint policy`);
  switch (choice.kind) {
    case "full-access":
      return decided(
        { kind: "full-access" },
        `policy full-access (${where}): AWS's default policy, no policy attribute`,
      );
    case "org-only": {
      const built = orgOnlyDocument({ spec, svc });
      // the same words for every VPC asking for the service: one string, built once
      let reason = built.reasons.get(where);
      if (reason === undefined) {
        reason =
          `policy org-only (${where}): principals of ${spec.organizationId} on its resources, AWS services` +
          (built.extras.length > 0 ? `; ${built.extras.join("; ")}` : "");
        built.reasons.set(where, reason);
      }
      return decided({ kind: "org-only", document: built.document }, reason);
    }
    case "file":
      return decided(
        { kind: "file", document: JSON.stringify(choice.document), source: choice.file },
        `policy from ${choice.file} (${where})`,
      );
  }
}

/**
 * The org-only document of one service for one organization, partition and region, built once per process: every
 * VPC asking for the service gets the same bytes, and building it (the catalog's facts, the statements, the JSON)
 * was a tenth of planning a large organization.
 */
interface OrgOnlyBuilt {
  readonly document: string;
  readonly extras: readonly string[];
  /** The reason, by where the choice was written. */
  readonly reasons: Map<string, string>;
}
/** By organization, partition, region and catalog id (custom services: ""): nested, no key text made per endpoint. */
const orgOnlyDocuments = new Map<string, Map<string, Map<string, Map<string, OrgOnlyBuilt>>>>();

/** The map under `key` in `map`, made when missing. */
function under<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

function orgOnlyDocument(opts: { spec: SpecModel; svc: ResolvedService }): OrgOnlyBuilt {
  const { spec, svc } = opts;
  // Services outside the catalog (custom, or newer in a region dump) get the generic perimeter.
  const catalogId = svc.custom ? undefined : (svc.crossRegion?.catalogId ?? svc.key);
  const region = svc.crossRegion?.region ?? spec.region;
  const byId = under(under(under(orgOnlyDocuments, spec.organizationId as string), spec.partition), region);
  const known = byId.get(catalogId ?? "");
  if (known) return known;
  const service = catalogId === undefined ? undefined : getService(catalogId);
  const facts = service ? orgOnlyFacts({ service, partition: spec.partition, region }) : NO_ORG_ONLY_FACTS;
  const extras = [
    facts.resourceLessActions.length > 0 ? `${facts.resourceLessActions.length} actions without a resource` : "",
    facts.federatedActions.length > 0 ? "federated callers (SAML, web identity) onto roles of the organization" : "",
    facts.awsOwnedAccounts.length > 0 ? (service?.awsOwnedAccountsWhy ?? "AWS-owned accounts") : "",
    facts.awsOwnedResources.length > 0 ? (service?.awsOwnedResourcesWhy ?? "AWS-owned resources") : "",
  ].filter((e) => e !== "");
  const document = JSON.stringify(orgOnlyPolicy({ organizationId: spec.organizationId as string, facts }));
  const built = { document, extras, reasons: new Map<string, string>() };
  byId.set(catalogId ?? "", built);
  return built;
}
