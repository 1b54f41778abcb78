// Types for scripts/electron-binary.mjs (used by the Electron test suite).
export type BinaryCheck = { ok: true; path: string } | { ok: false; reason: string }
export function electronPackageDir(): string | undefined
export function findElectronBinary(): BinaryCheck
export function downloadDisabled(): boolean
export function downloadElectron(options?: { timeoutMs?: number }): Promise<BinaryCheck>
