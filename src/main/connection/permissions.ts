// What a console needs from its Redis user, checked with the user's own rights (ACL DRYRUN
// would need ACL rights itself): run scripts and publish on the channels the scripts and
// presence publish on. Each check is harmless: a one-line script, a message on a channel
// of a sale that cannot exist, so nobody listens. A refusal is named, not just "NOPERM".
import type { Redis } from 'ioredis'
import { AUCTION_LIST_CHANNEL, SALE_LIST_CHANNEL, saleChannel } from '../../shared/domain'
import { presenceChannel } from '../presence'

/** Never a sale id (ids have no '~'): no console subscribes to its channel. */
const PROBE_ID = '~permission-check~'
const TINY = 'return 1'
const TINY_SHA = 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db'

interface Check {
  /** The missing permission, in the words "Test connection" shows. */
  missing: string
  run: (client: Redis) => Promise<unknown>
}

const CHECKS: readonly Check[] = [
  { missing: 'run scripts: EVAL', run: (client) => client.eval(TINY, 0) },
  { missing: 'run scripts: EVALSHA', run: (client) => client.evalsha(TINY_SHA, 0) },
  {
    missing: 'PUBLISH on sale:{*}:events channels (every sale event; ACL &sale:{*}:events)',
    run: (client) => client.publish(saleChannel(PROBE_ID), ''),
  },
  {
    missing: `PUBLISH on ${SALE_LIST_CHANNEL} (the sale list; ACL &${SALE_LIST_CHANNEL})`,
    run: (client) => client.publish(SALE_LIST_CHANNEL, ''),
  },
  {
    missing: `PUBLISH on ${AUCTION_LIST_CHANNEL} (the auction list; ACL &${AUCTION_LIST_CHANNEL})`,
    run: (client) => client.publish(AUCTION_LIST_CHANNEL, ''),
  },
  {
    missing: 'PUBLISH on auction:{*}:presence channels (viewer counts; ACL &auction:{*}:presence)',
    run: (client) => client.publish(presenceChannel(PROBE_ID), ''),
  },
]

/** An ACL refusal: NOPERM, or Redis 7.0's words for one inside a script. */
const NO_PERMISSION = /NOPERM|no permissions to|user executing the script can't/i

/** The first permission the user lacks, in words; null when it has them all. */
export async function missingPermission(client: Redis): Promise<string | null> {
  for (const check of CHECKS) {
    try {
      await check.run(client)
    } catch (error) {
      if (NO_PERMISSION.test(error instanceof Error ? error.message : String(error)))
        return `The Redis user cannot ${check.missing}.`
      throw error
    }
  }
  return null
}
