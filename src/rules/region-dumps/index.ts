/**
 * The rules of the region-dumps stage (subject: the region dump folder as
 * read), in the order they run. One file per rule.
 */
import { dumpDirMissing } from "./dump-dir-missing";
import { dumpDuplicate } from "./dump-duplicate";
import { dumpEntry } from "./dump-entry";
import { dumpEntryIgnored } from "./dump-entry-ignored";
import { dumpJsonSyntax } from "./dump-json-syntax";
import { dumpShape } from "./dump-shape";
import { dumpTruncated } from "./dump-truncated";
import { dumpUnknownRegion } from "./dump-unknown-region";
import { dumpUnreadable } from "./dump-unreadable";
import { dumpWrongRegion } from "./dump-wrong-region";

export const REGION_DUMP_RULES = [
  dumpDirMissing,
  dumpUnreadable,
  dumpJsonSyntax,
  dumpShape,
  dumpTruncated,
  dumpUnknownRegion,
  dumpEntry,
  dumpDuplicate,
  dumpEntryIgnored,
  dumpWrongRegion,
] as const;
