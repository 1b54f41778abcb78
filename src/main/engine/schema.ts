// The store carries the version of its data layout. A Redis that holds another layout is
// refused with both versions named: nothing is silently misread or overwritten.
import type { Cluster, Redis } from 'ioredis'
import { fail, type Failure } from '../../shared/errors'
import { SCHEMA_KEY, SCHEMA_VERSION } from './keys'

/** Keys only the first layout (single auctions, before sales) wrote. */
const LAYOUT_1_MARKERS = ['auctions:ending', 'auctions:starting']

export class SchemaGuard {
  private checked: Promise<Failure | null> | undefined
  /** Once the store was found to hold our layout: the hot path skips even the await. */
  verified = false

  constructor(private readonly redis: Redis | Cluster) {}

  /** null when this store holds our layout (claiming an empty store), else the refusal. */
  check(): Promise<Failure | null> {
    this.checked ??= this.read().catch((error: unknown) => {
      this.checked = undefined // a connection problem is not a verdict: ask again next time
      throw error
    })
    return this.checked
  }

  private async read(): Promise<Failure | null> {
    const refused = await this.compare()
    this.verified = refused === null
    return refused
  }

  private async compare(): Promise<Failure | null> {
    let found = await this.redis.get(SCHEMA_KEY)
    if (found === null) {
      const old = await Promise.all(LAYOUT_1_MARKERS.map((key) => this.redis.exists(key)))
      if (old.some((n) => n > 0)) found = '1'
      else if ((await this.redis.set(SCHEMA_KEY, String(SCHEMA_VERSION), 'NX')) !== 'OK') {
        found = await this.redis.get(SCHEMA_KEY)
      } else found = String(SCHEMA_VERSION)
    }
    if (found === String(SCHEMA_VERSION)) return null
    return fail(
      'SCHEMA_MISMATCH',
      `This Redis holds Auction Console data of layout version ${found ?? '?'}; this version ` +
        `of the console uses layout version ${SCHEMA_VERSION}. Use another Redis database ` +
        `(or an empty one), or the console version that wrote it.`,
    )
  }
}
