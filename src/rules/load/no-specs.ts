import type { LoadSubject } from "../../input/load";
import { rule } from "../rule";

/** The specs folder holds at least one spec. */
export const noSpecs = rule<LoadSubject>()({
  name: "no-specs",
  stage: "load",
  codes: {
    NO_SPECS: {
      severity: "error",
      trigger: "the specs folder (and its subfolders) holds no *.yaml or *.yml file",
      fix: "add a spec, or point --specs at another folder",
      message: (d: { dir: string }) => `no *.yaml or *.yml spec in "${d.dir}".`,
      hint: () => "Add a spec (see README, 'Spec reference') or point --specs at another folder.",
    },
  },
  check(subject, ctx) {
    const f = subject.folder;
    if (f?.specFiles === 0) ctx.report({ file: f.shown }, "NO_SPECS", { dir: f.shown });
  },
});
