import type { SubnetModel } from "../../spec/model";
import type { IngressRule, SecurityGroupPlan } from "../model";
import type { RuleResult } from "./types";

/**
 * Least privilege: ingress only on the service port, only from the CIDRs of
 * the subnets that asked (plus explicit allowedCidrs); no egress rule (the
 * endpoint never initiates connections, and Terraform removes AWS's default
 * allow-all egress rule).
 */
export function planSecurityGroup(vpc: string, service: string, address: string, port: number, requesters: readonly SubnetModel[], allowedCidrs: readonly string[]): RuleResult<SecurityGroupPlan> {
  const ingress: IngressRule[] = [];
  for (const s of [...requesters].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    ingress.push({ address: `${address}_${s.name}`, cidr: s.cidr, port, description: `${service} from subnet ${s.name} (${s.id})` });
  }
  for (const c of [...new Set(allowedCidrs)].sort()) {
    ingress.push({ address: `${address}_cidr_${c.replace(/[./]/g, "_")}`, cidr: c, port, description: `${service} from ${c} (allowedCidrs)` });
  }
  return {
    decision: { address, name: `vpce-${vpc}-${service}`, description: `Clients of the ${service} VPC endpoint in ${vpc} (managed by vpce)`, ingress },
    findings: [],
    reasons: [`security group admits TCP ${port} from ${ingress.map((r) => r.cidr).join(", ")} only`],
  };
}
