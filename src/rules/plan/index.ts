/**
 * The rules of the plan stage (subject: the planned stacks), in the order they run.
 * One file per rule.
 */
import { addressCollision } from "./address-collision";
import { adoptionConflicts } from "./adoption-conflicts";
import { azNotationMixed } from "./az-notation-mixed";
import { crossAz } from "./cross-az";
import { fixedIpPlacement } from "./fixed-ip-placement";
import { fullAccessPolicy } from "./full-access-policy";
import { gatewayQuota } from "./gateway-quota";
import { hubCost } from "./hub-cost";
import { hubServiceZones } from "./hub-service-zones";
import { hubZoneCapture } from "./hub-zone-capture";
import { interfaceQuota } from "./interface-quota";
import { latticeQuota } from "./lattice-quota";
import { ipAddressTypeSupport } from "./ip-address-type-support";
import { localState } from "./local-state";
import { noEndpointAz } from "./no-endpoint-az";
import { openCidr } from "./open-cidr";
import { policyNotSupported } from "./policy-not-supported";
import { privateDnsAvailable } from "./private-dns-available";
import { privateDnsCapture } from "./private-dns-capture";
import { retireEntries } from "./retire-entries";
import { routeTableRequired } from "./route-table-required";
import { securityGroupName } from "./security-group-name";
import { securityGroupQuota } from "./security-group-quota";
import { serviceInDump } from "./service-in-dump";
import { sharedRouteTable } from "./shared-route-table";
import { spokeEndpoints } from "./spoke-endpoints";
import { unusedEndpointOverride } from "./unused-endpoint-override";

export const PLAN_RULES = [
  serviceInDump,
  routeTableRequired,
  sharedRouteTable,
  noEndpointAz,
  fixedIpPlacement,
  ipAddressTypeSupport,
  azNotationMixed,
  crossAz,
  openCidr,
  securityGroupQuota,
  securityGroupName,
  privateDnsAvailable,
  privateDnsCapture,
  hubZoneCapture,
  hubServiceZones,
  spokeEndpoints,
  hubCost,
  policyNotSupported,
  fullAccessPolicy,
  unusedEndpointOverride,
  interfaceQuota,
  latticeQuota,
  gatewayQuota,
  addressCollision,
  localState,
  adoptionConflicts,
  retireEntries,
] as const;
