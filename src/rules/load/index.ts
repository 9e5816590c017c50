/** The rules of the load stage (subject: the specs folder as read and parsed), in the order they run. One file per rule. */

export const LOAD_RULES = [] as const;
