/** The rules of the across-files stage (subject: the validated specs together), in the order they run. One file per rule. */

export const ACROSS_FILES_RULES = [] as const;
