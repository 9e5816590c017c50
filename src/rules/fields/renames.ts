/**
 * `renamedFrom` (on a VPC, a subnet, an endpoints entry) names what the element was called before, so that synth
 * can move every old Terraform address to the new one. A move must lead from an address nothing else holds now,
 * and two things cannot both come from one old name: Terraform would refuse the plan, or move the wrong state.
 */
import { shownName } from "../../input/resolve";
import { quote } from "../../diagnostics";
import type { PathSegment } from "../../input/load";
import type { FieldSubject } from "../../input/subjects";
import { rule } from "../rule";

type What = "VPC" | "subnet" | "endpoints entry";

interface Renamed {
  readonly what: What;
  /** The element's name now. */
  readonly name: string;
  readonly from: string;
  readonly segs: readonly PathSegment[];
}

export const renames = rule<FieldSubject>()({
  name: "renames",
  stage: "fields",
  codes: {
    RENAMED_FROM_SELF: {
      severity: "error",
      trigger: "`renamedFrom` repeats the element's own name",
      fix: "give the old name, or remove renamedFrom",
      message: (d: { what: What; name: string }) => `${d.what} ${quote(d.name)} is renamed from its own name.`,
      hint: () => "renamedFrom holds the name the element had before the rename; without a rename, remove it.",
    },
    RENAMED_FROM_TAKEN: {
      severity: "error",
      trigger: "`renamedFrom` names something that still exists under that name (another VPC, subnet, or service)",
      fix: "rename from a name nothing uses any more",
      message: (d: { what: What; name: string; from: string; where: string; holder: string }) =>
        `${d.what} ${quote(d.name)} is renamed from ${quote(d.from)}, but ${d.holder} in ${d.where} still has ` +
        "that name: its resources would be moved away from it.",
      hint: () =>
        "A rename moves the old name's Terraform addresses to the new name; the old name must be gone from the " +
        "spec. To swap two names, rename in two steps (two pull requests).",
    },
    RENAMED_FROM_TWICE: {
      severity: "error",
      trigger: "two elements of one scope say `renamedFrom` with the same old name",
      fix: "keep renamedFrom on the one element that had the old name",
      message: (d: { what: What; name: string; from: string; other: string }) =>
        `${d.what} ${quote(d.name)} and ${quote(d.other)} are both renamed from ${quote(d.from)}.`,
      hint: () => "Only one element can take over the old name's resources.",
    },
  },
  check(subject, ctx) {
    // the well-formed parts of the file: a name that is not well-formed is reported where it stands
    const r = subject.facts;
    // `taken` is built only when something is renamed: the names of a large VPC's requests cost more than the rule
    const judge = (opts: { items: Renamed[]; taken: () => ReadonlyMap<string, string>; where: string }) => {
      if (opts.items.length === 0) return;
      const taken = opts.taken();
      const first = new Map<string, Renamed>();
      for (const it of opts.items) {
        const at = subject.at([...it.segs, "renamedFrom"]);
        const holder = taken.get(it.from);
        if (it.from === it.name) ctx.report(at, "RENAMED_FROM_SELF", { what: it.what, name: it.name });
        else if (holder !== undefined) ctx.report(at, "RENAMED_FROM_TAKEN", { ...it, where: opts.where, holder });
        else if (first.has(it.from))
          ctx.report(at, "RENAMED_FROM_TWICE", { ...it, other: (first.get(it.from) as Renamed).name });
        else first.set(it.from, it);
      }
    };
    const named = <T extends { spec: { name?: string; renamedFrom?: string }; segs: readonly PathSegment[] }>(
      xs: readonly T[],
      what: What,
    ): Renamed[] =>
      xs.flatMap((x) =>
        x.spec.name !== undefined && x.spec.renamedFrom !== undefined
          ? [{ what, name: x.spec.name, from: x.spec.renamedFrom, segs: x.segs }]
          : [],
      );
    const names = <T extends { spec: { name?: string } }>(xs: readonly T[], what: string) =>
      new Map(xs.flatMap((x) => (x.spec.name !== undefined ? [[x.spec.name, `${what} ${quote(x.spec.name)}`]] : [])));
    judge({ items: named(r.vpcs, "VPC"), taken: () => names(r.vpcs, "VPC"), where: "the stack" });
    for (const v of r.vpcs) {
      const where = `VPC ${shownName(v)}`;
      judge({ items: named(v.subnets, "subnet"), taken: () => names(v.subnets, "subnet"), where });
      // an old key that is still an entry, or still asked for by a subnet, still has its endpoint
      const taken = () => {
        const byKey = new Map<string, string>();
        for (const s of v.subnets)
          for (const q of s.requests) byKey.set(q.key, `the service ${quote(q.key)} (asked for by ${s.spec.name})`);
        for (const e of v.endpoints) byKey.set(e.key, `endpoints.${e.key}`);
        return byKey;
      };
      judge({
        items: v.endpoints.flatMap((e) =>
          e.settings.renamedFrom !== undefined && !e.repeated
            ? [{ what: "endpoints entry" as const, name: e.key, from: e.settings.renamedFrom, segs: e.segs }]
            : [],
        ),
        taken,
        where,
      });
    }
  },
});
