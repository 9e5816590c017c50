/** The rules of the fields stage (subject: one spec file), in the order they run. One file per rule. */

export const FIELD_RULES = [] as const;
