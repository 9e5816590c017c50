/**
 * What reading the folder of region dumps found, as facts for the
 * region-dumps rules (src/rules/region-dumps/). The reader records; the rules
 * judge and word the findings.
 */
import type { EndpointType } from "../catalog";
import type { Position } from "../diagnostics";

/** Printed under every region-dump finding. */
export const DUMP_HINT =
  "Region dumps are the raw output of aws ec2 describe-vpc-endpoint-services --region <region>, " +
  "saved as catalog/<region>.json.";

export interface DumpFolderFacts {
  /** The folder as read. */
  readonly dir: string;
  /** As shown to the user. */
  readonly shown: string;
  /** The folder does not exist. */
  readonly missing?: boolean;
  /** The folder was named (argument or VPCE_CATALOG), not the default catalog/. */
  readonly named: boolean;
  /** Why it could not be listed (other than not existing). */
  readonly listError?: string;
}

/** A ServiceDetails entry, or one of its fields, that the reader could not use. */
export type BadEntry = { readonly pos?: Position } & (
  | { readonly kind: "not-object"; readonly index: number }
  | { readonly kind: "no-name"; readonly index: number }
  | { readonly kind: "no-types"; readonly name: string }
  | { readonly kind: "type-not-string"; readonly name: string; readonly typeIndex: number }
  | { readonly kind: "not-string-list"; readonly name: string; readonly field: string }
  | { readonly kind: "policy-not-boolean"; readonly name: string }
);

export interface DumpFileFacts {
  /** The file as read. */
  readonly file: string;
  readonly shown: string;
  /** The region its name says (`<region>.json`). */
  readonly region: string;
  readonly readError?: string;
  readonly syntaxError?: { readonly message: string; readonly pos: Position };
  /** The root is not an object with a "ServiceDetails" list. */
  readonly notTheApiShape?: { readonly pos?: Position };
  /** Where a non-empty NextToken is: the file is one page of the list. */
  readonly nextToken?: { readonly pos?: Position };
  /** The file's region is not one vpce knows (recorded once the shape is right). */
  readonly unknownRegion?: { readonly pos?: Position };
  readonly badEntries: readonly BadEntry[];
  /** A service and type listed by a second entry. */
  readonly duplicates: readonly { readonly name: string; readonly type: EndpointType; readonly pos?: Position }[];
  /** Names in ServiceNames without a ServiceDetails entry. */
  readonly unlisted: readonly { readonly name: string; readonly pos?: Position }[];
  /** None of the services is of the file's region; they are of this one. */
  readonly otherRegion?: { readonly region: string; readonly pos?: Position };
}

/** The subject of the region-dumps rules. */
export interface DumpsSubject {
  readonly folder?: DumpFolderFacts;
  readonly files: readonly DumpFileFacts[];
}
