// Types for scripts/node-version.mjs (used by the install tests).
export function nodeVerdict(
  version: string,
  options?: { explainEngines?: boolean },
): { ok: boolean; line: string | null }
