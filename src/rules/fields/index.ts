/**
 * The rules of the fields stage (subject: one spec file), in the order they run.
 * One file per rule.
 */
import { availabilityZones } from "./availability-zones";
import { cidrBlocks } from "./cidr-blocks";
import { cidrInsideVpc } from "./cidr-inside-vpc";
import { cidrOverlap } from "./cidr-overlap";
import { crossRegion } from "./cross-region";
import { endpointPolicies } from "./endpoint-policies";
import { endpointSubnets } from "./endpoint-subnets";
import { endpointTypes } from "./endpoint-types";
import { fieldTypes } from "./field-types";
import { fixedIps } from "./fixed-ips";
import { hubServices } from "./hub-services";
import { idFormat } from "./id-format";
import { ipAddressTypes } from "./ip-address-types";
import { latticeEndpoints } from "./lattice-endpoints";
import { knownBundles } from "./known-bundles";
import { knownFields } from "./known-fields";
import { knownRegion } from "./known-region";
import { knownServices } from "./known-services";
import { renames } from "./renames";
import { requiredFields } from "./required-fields";
import { serviceAliases } from "./service-aliases";
import { serviceNamesMatch } from "./service-names";
import { specVersion } from "./spec-version";
import { uniqueNames } from "./unique-names";
import { validValues } from "./valid-values";

export const FIELD_RULES = [
  // the schema's findings
  knownFields,
  requiredFields,
  fieldTypes,
  specVersion,
  idFormat,
  validValues,
  // the spec's values, once the schema passed
  knownRegion,
  cidrBlocks,
  cidrInsideVpc,
  cidrOverlap,
  availabilityZones,
  uniqueNames,
  renames,
  endpointSubnets,
  endpointPolicies,
  endpointTypes,
  crossRegion,
  latticeEndpoints,
  fixedIps,
  ipAddressTypes,
  knownServices,
  hubServices,
  knownBundles,
  serviceNamesMatch,
  serviceAliases,
] as const;
