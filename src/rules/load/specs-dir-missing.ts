import type { LoadSubject } from "../../input/load";
import { rule } from "../rule";

/** The specs folder exists and is a folder. */
export const specsDirMissing = rule<LoadSubject>()({
  name: "specs-dir-missing",
  stage: "load",
  codes: {
    SPECS_DIR_MISSING: {
      severity: "error",
      trigger: "the specs folder does not exist, or is not a folder",
      fix: "point --specs or VPCE_SPECS at the folder of *.yaml specs",
      message: (d: { dir: string; notAFolder: boolean }) =>
        d.notAFolder ? `"${d.dir}" is not a folder.` : `the specs folder "${d.dir}" does not exist.`,
      hint: (d: { notAFolder: boolean }) =>
        d.notAFolder
          ? "--specs and VPCE_SPECS take a folder of *.yaml specs or one *.yaml or *.yml file."
          : "Point --specs or VPCE_SPECS at the folder that holds your *.yaml specs.",
    },
  },
  check(subject, ctx) {
    const f = subject.folder;
    if (f?.missing) ctx.report({ file: f.shown }, "SPECS_DIR_MISSING", { dir: f.shown, notAFolder: false });
    else if (f?.notAFolder) ctx.report({ file: f.shown }, "SPECS_DIR_MISSING", { dir: f.shown, notAFolder: true });
  },
});
