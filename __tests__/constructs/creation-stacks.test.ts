/** withoutTokenCreationStacks: only cdktf's token traces are skipped, and only while it runs. */
import { Lazy } from "cdktf";
import { Construct } from "constructs";
import { withoutTokenCreationStacks } from "../../src/constructs/creation-stacks";

const token = () => Lazy.anyValue({ produce: () => "x" });

test("tokens created inside get an empty creation stack; outside, the full one", () => {
  // WHEN a token is created inside and one outside
  const inside = withoutTokenCreationStacks(token);
  const outside = token();
  // THEN only the inside one lacks its trace
  expect(inside.creationStack).toEqual([]);
  expect(outside.creationStack.length).toBeGreaterThan(0);
});

test("every other stack capture still works inside: errors, plain objects, constructs' metadata traces", () => {
  // WHEN errors, a plain capture and a metadata trace are made inside
  const { error, plain, trace } = withoutTokenCreationStacks(() => {
    const target: { stack?: string } = {};
    Error.captureStackTrace(target);
    const c = new Construct(undefined as unknown as Construct, "root");
    c.node.addMetadata("note", 1, { stackTrace: true });
    return { error: new Error("boom"), plain: target.stack, trace: c.node.metadata[0].trace };
  });
  // THEN each holds its stack
  expect(error.stack).toContain("creation-stacks.test");
  expect(plain).toContain("creation-stacks.test");
  expect(trace?.length).toBeGreaterThan(0);
});

test("Error.captureStackTrace is restored, also when the build throws", () => {
  // GIVEN the original function
  const original = Error.captureStackTrace;
  // WHEN a build throws
  expect(() =>
    withoutTokenCreationStacks(() => {
      throw new Error("broken build");
    }),
  ).toThrow("broken build");
  // THEN the original is back, and tokens get their trace again
  expect(Error.captureStackTrace).toBe(original);
  expect(token().creationStack.length).toBeGreaterThan(0);
});
