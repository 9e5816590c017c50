/** The AWS provider version constraint: syntax as Terraform reads it, and a release of the bindings' major. */
import * as fs from "node:fs";
import { awsProviderVersionProblem, constraintProblem } from "../../src/constructs/provider-version";
import { tmpDir } from "../helpers";

describe("constraintProblem", () => {
  test.each([
    "~> 6.30",
    "~> 6.25.0",
    ">= 6.25.0, < 7.0.0",
    ">=6.0,<7",
    "6.31.0",
    "= 6.31.0",
    "!= 6.26.0",
    "~> 6",
    "> 6.25",
    "<= 6.0.0",
    "6.40.0-beta1",
  ])("accepts %s", (text) => {
    expect(constraintProblem({ text, major: 6 })).toBeUndefined();
  });

  test.each([
    ["6.x", "is not a version constraint"],
    ["latest", "is not a version constraint"],
    ["~> 6.30,", "is not a version constraint"],
    [">> 6.30", "is not a version constraint"],
    ["6.30.1.2", "is not a version constraint"],
    ["", "is not a version constraint"],
    ["~> 5.100", "admits no 6.x release"],
    ["< 6.0.0", "admits no 6.x release"],
    [">= 7.0", "admits no 6.x release"],
    [">= 6.30, < 6.30", "admits no 6.x release"],
    ["~> 6.30.0, >= 6.31", "admits no 6.x release"],
  ])("refuses %s", (text, why) => {
    expect(constraintProblem({ text, major: 6 })).toContain(why);
  });

  test("the bindings' major decides", () => {
    expect(awsProviderVersionProblem("~> 6.30")).toBeUndefined();
    expect(awsProviderVersionProblem("~> 5.0")).toContain("admits no 6.x release");
  });
});

test("reading the bindings' version writes nothing into the working directory", () => {
  // GIVEN an empty working directory and a module that has not read the version yet
  const dir = tmpDir();
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    jest.isolateModules(() => {
      // WHEN the version is read
      const fresh = jest.requireActual<typeof import("../../src/constructs/provider-version")>(
        "../../src/constructs/provider-version",
      );
      expect(fresh.bindingsAwsVersion()).toMatch(/^\d+\.\d+\.\d+$/);
    });
  } finally {
    process.chdir(cwd);
  }
  // THEN the directory is still empty (an App would have created `stacks/` in it)
  expect(fs.readdirSync(dir)).toEqual([]);
});
