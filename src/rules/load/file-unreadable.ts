import type { LoadSubject } from "../../input/load";
import { rule } from "../rule";

/** The specs folder can be listed and each spec file read. */
export const fileUnreadable = rule<LoadSubject>()({
  name: "file-unreadable",
  stage: "load",
  codes: {
    FILE_UNREADABLE: {
      severity: "error",
      trigger: "the specs folder cannot be listed, or a spec file cannot be read (permissions, dangling link)",
      fix: "check the permissions of the folder and file",
      message: (d: { folder: boolean; reason: string }) =>
        d.folder ? `cannot list the specs folder: ${d.reason}` : `cannot read the file (${d.reason}).`,
      hint: (d: { folder: boolean }) => (d.folder ? undefined : "Check the file's permissions."),
    },
  },
  check(subject, ctx) {
    const f = subject.folder;
    if (f?.listError !== undefined)
      ctx.report({ file: f.shown }, "FILE_UNREADABLE", { folder: true, reason: f.listError });
    for (const file of subject.files)
      if (file.readError !== undefined)
        ctx.report({ file: file.file }, "FILE_UNREADABLE", { folder: false, reason: file.readError });
  },
});
