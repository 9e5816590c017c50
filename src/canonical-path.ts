/** One way to compare paths that git and the user name differently. */
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The path with its links resolved, so that git's paths and the specs' paths compare (a specs folder reached
 * through a link, /tmp on macOS); a path that no longer exists (a deleted file) keeps its own name under its
 * folder's resolved path.
 */
export function canonicalPath(p: string): string {
  // asked first, not caught: a stack's region dump and inventories often do not exist, and a thrown error (with
  // its stack trace) per missing file cost more than the lookups (--changed-since checks every stack's inputs)
  if (fs.existsSync(p))
    try {
      return fs.realpathSync.native(p);
    } catch {
      // gone since, or unreadable: named under its folder like a missing one
    }
  const parent = path.dirname(p);
  return parent === p ? p : path.join(canonicalPath(parent), path.basename(p));
}

/** `child` lies inside `root` (or is it); both absolute. */
export function within(root: string, child: string): boolean {
  const rel = path.relative(root, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}
