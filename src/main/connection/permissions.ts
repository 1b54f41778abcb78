// What a console needs from its Redis user, checked with the user's own rights (ACL DRYRUN
// would need ACL rights itself): run scripts, and the calls the scripts, the reads and the
// relay make, asked with redis.acl_check_cmd inside one tiny script. Nothing is executed
// and nothing published (other consoles listen on the list channels). A refusal is named.
import { isCluster, type RedisClient } from '../engine'
import { AUCTION_LIST_CHANNEL, SALE_LIST_CHANNEL, saleChannel } from '../../shared/domain'
import { OPERATOR_SESSIONS_CHANNEL, operatorKeys } from '../engine/keys'
import { presenceChannel } from '../presence'

/** Never a sale id (ids have no '~'): only a name to ask about. */
const PROBE_ID = '~permission-check~'

/** [what is missing, in words; the call asked about]. */
const NEEDS: readonly (readonly [string, readonly string[]])[] = [
  ['run scripts: EVALSHA', ['EVALSHA', '0000000000000000000000000000000000000000', '0']],
  [
    'PUBLISH on sale:{*}:events channels (every sale event; ACL &sale:{*}:events)',
    ['PUBLISH', saleChannel(PROBE_ID), ''],
  ],
  [
    `PUBLISH on ${SALE_LIST_CHANNEL} (the sale list; ACL &${SALE_LIST_CHANNEL})`,
    ['PUBLISH', SALE_LIST_CHANNEL, ''],
  ],
  [
    `PUBLISH on ${AUCTION_LIST_CHANNEL} (the auction list; ACL &${AUCTION_LIST_CHANNEL})`,
    ['PUBLISH', AUCTION_LIST_CHANNEL, ''],
  ],
  [
    'PUBLISH on auction:{*}:presence channels (viewer counts; ACL &auction:{*}:presence)',
    ['PUBLISH', presenceChannel(PROBE_ID), ''],
  ],
  [
    'SUBSCRIBE to sale:{*}:events channels (live updates; ACL &sale:{*}:events)',
    ['SUBSCRIBE', saleChannel(PROBE_ID)],
  ],
  ['write sale:* keys (ACL ~sale:*)', ['HSET', `sale:{${PROBE_ID}}`, 'f', 'v']],
  ['write lot:* keys (ACL ~lot:*)', ['HSET', `lot:{${PROBE_ID}}:${PROBE_ID}.1`, 'f', 'v']],
  ['write sales:* keys (ACL ~sales:*)', ['ZADD', 'sales:due', '0', PROBE_ID]],
  [
    `PUBLISH on ${OPERATOR_SESSIONS_CHANNEL} (ending sign-ins on every console; ACL &${OPERATOR_SESSIONS_CHANNEL})`,
    ['PUBLISH', OPERATOR_SESSIONS_CHANNEL, ''],
  ],
  [
    `SUBSCRIBE to ${OPERATOR_SESSIONS_CHANNEL} (ACL &${OPERATOR_SESSIONS_CHANNEL})`,
    ['SUBSCRIBE', OPERATOR_SESSIONS_CHANNEL],
  ],
  [
    'write operator:* keys (operator accounts and sign-in counters; ACL ~operator:*)',
    ['INCR', operatorKeys(PROBE_ID).failures],
  ],
  [
    'write operators:* keys (the account list; ACL ~operators:*)',
    ['SADD', 'operators:all', PROBE_ID],
  ],
]

/** On a cluster a sale's channel is sharded: the scripts SPUBLISH, the relay SSUBSCRIBEs. */
function sharded(need: (typeof NEEDS)[number]): (typeof NEEDS)[number] {
  const [words, [command, channel, ...rest]] = need
  if (!channel?.startsWith('sale:{') || (command !== 'PUBLISH' && command !== 'SUBSCRIBE')) {
    return need
  }
  const name = `S${command}`
  return [words.replace(command, name), [name, channel, ...rest]]
}

// Answers the 1-based index of the first call the user may not make, 0 when all are allowed.
const CHECK_LUA = `
for i, call in ipairs(cjson.decode(ARGV[1])) do
  if not redis.acl_check_cmd(unpack(call)) then return i end
end
return 0
`

/** An ACL refusal: NOPERM, or Redis 7.0's words for one inside a script. */
const NO_PERMISSION = /NOPERM|no permissions to|user executing the script can't/i

/**
 * The first permission the user lacks, in words; null when it has them all, or when the
 * server cannot say (a Redis before 7.0 has no acl_check_cmd: no claim either way).
 */
export async function missingPermission(client: RedisClient): Promise<string | null> {
  const needs = isCluster(client) ? NEEDS.map(sharded) : NEEDS
  let refused: unknown
  try {
    refused = await client.eval(CHECK_LUA, 0, JSON.stringify(needs.map(([, call]) => call)))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return NO_PERMISSION.test(message) ? 'The Redis user cannot run scripts: EVAL.' : null
  }
  const need = typeof refused === 'number' && refused > 0 ? needs[refused - 1] : undefined
  return need ? `The Redis user cannot ${need[0]}.` : null
}

/** What the engine needs to run its scripts as Redis Functions (else it runs them by EVALSHA). */
const FUNCTION_CALLS: readonly (readonly string[])[] = [
  ['FCALL', PROBE_ID, '0'],
  ['FUNCTION', 'LOAD', ''],
]

/** Whether the user may load and call functions; false where the server cannot say. */
export async function mayUseFunctions(client: RedisClient): Promise<boolean> {
  try {
    return (await client.eval(CHECK_LUA, 0, JSON.stringify(FUNCTION_CALLS))) === 0
  } catch {
    return false
  }
}
