/** What every planner decision returns: what it decided, and why. Decisions judge nothing: the plan rules do. */
export interface Decided<T> {
  readonly decision: T;
  /** One line per decision, for reviewers; none when planned without them (PlanOptions.explain false). */
  readonly reasons: readonly string[];
}

/** The reasons of a plan made without them (PlanOptions.explain false): one shared empty list, never changed. */
export const NO_REASONS: readonly string[] = Object.freeze([]);
