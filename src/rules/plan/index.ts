/** The rules of the plan stage (subject: the planned stacks), in the order they run. One file per rule. */

export const PLAN_RULES = [] as const;
