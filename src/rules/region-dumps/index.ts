/** The rules of the region-dumps stage (subject: the region dump folder as read), in the order they run. One file per rule. */

export const REGION_DUMP_RULES = [] as const;
