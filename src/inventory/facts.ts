/**
 * What reading the folder of endpoint inventories found, as facts for the
 * inventory rules (src/rules/inventory/). The reader records; the rules judge
 * and word the findings.
 */
import type { Position } from "../diagnostics";
import type { JsonFolder } from "../json-folder";

/** Printed under every inventory finding. */
export const INVENTORY_HINT =
  "Inventories are the raw output of aws ec2 describe-vpc-endpoints --region <region>, saved as " +
  "inventory/<account>-<region>.json (inventory/<region>.json for specs without an account).";

/** States of an endpoint that exists and holds its resources (lower case). */
export const LIVE_STATES: ReadonlySet<string> = new Set(["available", "pending", "pendingacceptance", "partial"]);
/** States of an endpoint that is going or gone, or never took its name or routes: read, then left alone. */
export const GONE_STATES: ReadonlySet<string> = new Set(["deleting", "deleted", "rejected", "failed", "expired"]);

/** The inventory folder as listed (json-folder.ts). */
export type InventoryFolderFacts = JsonFolder;

/** A VpcEndpoints entry, or one of its fields, that the reader could not use (the entry is skipped). */
export type BadInventoryEntry = { readonly pos?: Position } & (
  | { readonly kind: "not-object"; readonly index: number }
  | { readonly kind: "missing"; readonly index: number; readonly field: string }
  | { readonly kind: "wrong-type"; readonly id: string; readonly field: string; readonly expected: string }
  | { readonly kind: "unknown-state"; readonly id: string; readonly state: string }
);

export interface InventoryFileFacts {
  readonly file: string;
  readonly shown: string;
  /** From the file name: `<account>-<region>.json` or `<region>.json`; undefined when the name is neither. */
  readonly account?: string;
  readonly region?: string;
  readonly badName?: boolean;
  /** The file name's region is not one vpce knows. */
  readonly unknownRegion?: boolean;
  readonly readError?: string;
  /** The file is larger than MAX_INVENTORY_BYTES: not read. */
  readonly tooLarge?: { readonly bytes: number; readonly max: number };
  readonly syntaxError?: { readonly message: string; readonly pos: Position };
  /** The root is not an object with a "VpcEndpoints" list. */
  readonly notTheApiShape?: { readonly pos?: Position };
  /** A non-empty NextToken: the file is one page of the list. */
  readonly nextToken?: { readonly pos?: Position };
  readonly badEntries: readonly BadInventoryEntry[];
  /** An endpoint id listed a second time (the first entry is used). */
  readonly duplicates: readonly { readonly id: string; readonly pos?: Position }[];
  /** Entries whose OwnerId is not the account the file name says. */
  readonly otherAccount: readonly { readonly id: string; readonly owner: string; readonly pos?: Position }[];
}

export interface InventorySubject {
  readonly folder?: InventoryFolderFacts;
  readonly files: readonly InventoryFileFacts[];
}
