/**
 * The rules of the load stage (subject: the specs folder as read and parsed),
 * in the order they run. One file per rule.
 */
import { emptySpec } from "./empty-spec";
import { fileNotUtf8 } from "./file-not-utf8";
import { fileTooLarge } from "./file-too-large";
import { fileUnreadable } from "./file-unreadable";
import { noSpecs } from "./no-specs";
import { notAMapping } from "./not-a-mapping";
import { specsDirMissing } from "./specs-dir-missing";
import { yamlAliasLimit } from "./yaml-alias-limit";
import { yamlDuplicateKey } from "./yaml-duplicate-key";
import { yamlSyntax } from "./yaml-syntax";

export const LOAD_RULES = [
  specsDirMissing,
  fileUnreadable,
  noSpecs,
  fileTooLarge,
  fileNotUtf8,
  yamlSyntax,
  yamlDuplicateKey,
  emptySpec,
  notAMapping,
  yamlAliasLimit,
] as const;
