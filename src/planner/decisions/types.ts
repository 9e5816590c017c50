/** What every planner decision returns: what it decided, and why. Decisions judge nothing: the plan rules do. */
export interface Decided<T> {
  readonly decision: T;
  /** One line per decision, for reviewers. */
  readonly reasons: readonly string[];
}
