import { SPEC_TYPE_NAMES, type PlannedEndpointType } from "../plan";
import type { ResolvedService } from "../service";
import type { EndpointSettings } from "../../input/spec-model";
import type { Decided } from "./types";

/**
 * Gateway where the service has one (free, no ENIs), else interface; an
 * explicit `type` wins. `both` (S3) gives a gateway for the VPC and an
 * interface endpoint for clients outside it.
 */
export function decideEndpointTypes(opts: {
  svc: ResolvedService;
  /** The VPC's `endpoints:` entry for the service, if any. */
  settings?: EndpointSettings;
}): Decided<PlannedEndpointType[]> {
  const { svc, settings } = opts;
  const chosen = settings?.type;
  if (svc.lattice)
    return {
      decision: [svc.lattice.type],
      reasons: [
        `type ${chosen} (${settings?.path}.type): a VPC Lattice ${SPEC_TYPE_NAMES[svc.lattice.type]} endpoint to ` +
          `${svc.lattice.arn}, with ENIs like an interface endpoint`,
      ],
    };
  if (chosen === "both") {
    return {
      decision: ["Gateway", "Interface"],
      reasons: [
        `type both (${settings?.path}.type): gateway for the VPC's subnets, interface for clients outside the VPC`,
      ],
    };
  }
  if (chosen === "gateway") return { decision: ["Gateway"], reasons: [`type gateway set at ${settings?.path}.type`] };
  if (chosen === "interface")
    return { decision: ["Interface"], reasons: [`type interface set at ${settings?.path}.type`] };
  // the default depends on the service alone: decided once per resolved service (shared, never changed)
  let known = defaults.get(svc);
  if (!known) defaults.set(svc, (known = defaultType(svc)));
  return known;
}

const defaults = new WeakMap<ResolvedService, Decided<PlannedEndpointType[]>>();

function defaultType(svc: ResolvedService): Decided<PlannedEndpointType[]> {
  if (svc.types.includes("Gateway")) {
    return {
      decision: ["Gateway"],
      reasons: [`${svc.key} offers a gateway endpoint: free and without ENIs, so gateway is the default`],
    };
  }
  return {
    decision: ["Interface"],
    reasons: [
      svc.custom
        ? `${svc.key} is a PrivateLink service outside the catalog (${svc.names.Interface}): interface endpoint`
        : `${svc.key} is served by interface endpoints`,
    ],
  };
}
