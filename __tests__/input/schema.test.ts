import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import { parse } from "yaml";
import { specJsonSchema } from "../../src/input/schema";
import { SPEC_VALIDATOR_FILE, specValidatorSource } from "../../src/input/spec-validator-source";
import { ROOT } from "../helpers";

describe("published JSON Schema", () => {
  test("schema/spec.schema.json is generated from the validator's schema (run `npm run schema` after edits)", () => {
    const committed = fs.readFileSync(path.join(ROOT, "schema", "spec.schema.json"), "utf8");
    expect(committed).toBe(JSON.stringify(specJsonSchema(), null, 2) + "\n");
  });

  test("the precompiled validator is Ajv's standalone code of the schema (run `npm run schema` after edits)", () => {
    expect(fs.readFileSync(path.join(ROOT, SPEC_VALIDATOR_FILE), "utf8")).toBe(specValidatorSource());
  });

  test("editors with a plain draft-07 validator accept the examples and reject a typo", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(specJsonSchema());
    for (const f of fs.readdirSync(path.join(ROOT, "specs")).filter((x) => x.endsWith(".yaml"))) {
      expect({
        f,
        ok: validate(parse(fs.readFileSync(path.join(ROOT, "specs", f), "utf8"))),
        errors: validate.errors,
      }).toMatchObject({ f, ok: true });
    }
    expect(validate({ version: 1, region: "eu-central-1", vpcs: [], regoin: "x" })).toBe(false);
  });
});
