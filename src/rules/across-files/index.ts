/**
 * The rules of the across-files stage (subject: the validated specs together), in the order they run.
 * One file per rule.
 */
import { hubReferences } from "./hub-references";
import { uniqueIds } from "./unique-ids";
import { uniqueStacks } from "./unique-stacks";

export const ACROSS_FILES_RULES = [uniqueStacks, uniqueIds, hubReferences] as const;
