// The sign-ins this console holds: a secret per sign-in lets a new connection of the same
// tab (a reconnect, a reload) carry on as that operator (auth:resume). Secrets live only in
// this process's memory, end with the sign-in, and lapse after a day unused.
import { randomBytes } from 'node:crypto'
import type { OperatorProfile } from '../../shared/contract'

export interface SignIn {
  profile: OperatorProfile
  /** The account's sessions generation at sign-in (OperatorStore.check). */
  epoch: number
}

const IDLE_MS = 24 * 60 * 60_000

export class SignIns {
  private readonly byResume = new Map<string, SignIn & { usedAt: number }>()

  constructor(private readonly now: () => number = Date.now) {}

  /** A new secret for this sign-in. */
  issue(signIn: SignIn): string {
    this.sweep()
    const resume = randomBytes(32).toString('base64url')
    this.byResume.set(resume, { ...signIn, usedAt: this.now() })
    return resume
  }

  find(resume: string): SignIn | undefined {
    const found = this.byResume.get(resume)
    if (!found) return undefined
    if (this.now() - found.usedAt > IDLE_MS) {
      this.byResume.delete(resume)
      return undefined
    }
    found.usedAt = this.now()
    return { profile: found.profile, epoch: found.epoch }
  }

  forget(resume: string): void {
    this.byResume.delete(resume)
  }

  /** Ends the account's sign-ins made before `epoch`. */
  endBefore(operatorId: string, epoch: number): void {
    for (const [resume, signIn] of this.byResume) {
      if (signIn.profile.operatorId === operatorId && signIn.epoch < epoch) {
        this.byResume.delete(resume)
      }
    }
  }

  private sweep(): void {
    const now = this.now()
    for (const [resume, signIn] of this.byResume) {
      if (now - signIn.usedAt > IDLE_MS) this.byResume.delete(resume)
    }
  }
}
