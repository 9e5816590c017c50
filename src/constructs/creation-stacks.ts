/**
 * cdktf records a full stack trace (Error.stackTraceLimit raised to the maximum) in every token object it creates,
 * its `creationStack`, which it prints only when that token later fails to resolve. The provider bindings create
 * several per resource, whether or not anything reads them: the attribute objects of every resource (`tagsAll`,
 * `timeouts`, `dnsEntry`, `ingress`, ...). vpce never reads one (its references are literal `${...}` strings), so
 * none of them is ever resolved, yet capturing and formatting their traces was a fifth of synth's CPU and a large
 * part of its memory. While vpce builds its constructs, cdktf's token capture is skipped: the tokens get an empty
 * creation stack, which cdktf handles as "no trace known". Every other capture (errors, constructs' metadata traces)
 * is untouched.
 */
import { captureStackTrace as cdktfTokenCapture } from "cdktf/lib/tokens/private/stack-trace";

/** Runs `build` with cdktf's token creation stacks left empty; restores Error.captureStackTrace however it ends. */
export function withoutTokenCreationStacks<T>(build: () => T): T {
  const capture = Error.captureStackTrace;
  // cdktf's tokens capture with their own capture function as the frame to hide (`captureStackTrace()` with no
  // argument); that argument tells them apart from every other caller
  const skipping: typeof Error.captureStackTrace = (target, below) => {
    if (below !== cdktfTokenCapture) capture(target, below);
  };
  Error.captureStackTrace = skipping;
  try {
    return build();
  } finally {
    Error.captureStackTrace = capture;
  }
}
