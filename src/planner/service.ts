/** Resolves a requested service key of a VPC to what the planner needs to know about it. */
import { getService, serviceName, type EndpointType } from "../catalog";
import type { EndpointSettings } from "../spec/model";

export interface ResolvedService {
  readonly key: string;
  readonly serviceName: string;
  readonly types: readonly EndpointType[];
  readonly port: number;
  /** Whether the endpoint takes a policy. */
  readonly policy: boolean;
  /** Whether the service offers private DNS for interface endpoints. */
  readonly privateDns: boolean;
  /** A service outside the catalog, declared with serviceName. */
  readonly custom: boolean;
}

export function resolveService(key: string, region: string, settings: EndpointSettings | undefined): ResolvedService {
  const svc = getService(key);
  if (svc) {
    return { key, serviceName: serviceName(svc, region), types: svc.types, port: svc.port, policy: svc.policy, privateDns: svc.privateDns, custom: false };
  }
  if (!settings?.serviceName) throw new Error(`internal: service ${key} was not validated`);
  return { key, serviceName: settings.serviceName, types: ["Interface"], port: settings.port ?? 443, policy: true, privateDns: true, custom: true };
}
