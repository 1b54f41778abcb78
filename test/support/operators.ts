// Operator accounts for tests and benches: an account made straight in the store (as staff
// would in Settings → Operators), then a real sign-in through the contract.
import type {
  CommandInput,
  CommandName,
  CommandResult,
  OperatorProfile,
} from '../../src/shared/contract'
import { OperatorStore } from '../../src/main/accounts'
import { connectRedis } from '../../src/main/engine/connection'

export const TEST_PASSWORD = 'correct horse battery'

type Call = <N extends CommandName>(name: N, input: CommandInput<N>) => Promise<CommandResult<N>>
/** An api ({call}) or a bare call function. */
export type Caller = { call: Call } | Call

const callOf = (caller: Caller): Call =>
  typeof caller === 'function' ? caller : caller.call.bind(caller)

/** Makes the account (once: an existing one is kept as it is). */
export async function ensureOperator(
  redisUrl: string,
  profile: OperatorProfile,
  password = TEST_PASSWORD,
): Promise<void> {
  // The app's own factory: the URL may name a single server, a Sentinel group or a cluster.
  const redis = await connectRedis({ url: redisUrl })
  try {
    const added = await new OperatorStore(redis).add(
      { id: profile.operatorId, displayName: profile.displayName, role: profile.role, password },
      'test',
    )
    if (!added.ok && added.error.code !== 'OPERATOR_EXISTS') {
      throw new Error(`operator ${profile.operatorId}: ${JSON.stringify(added.error)}`)
    }
  } finally {
    redis.disconnect()
  }
}

/** Makes the account on `redisUrl` and signs the console session in as it. */
export async function signInAs(
  caller: Caller,
  profile: OperatorProfile,
  redisUrl: string,
  password = TEST_PASSWORD,
): Promise<OperatorProfile> {
  await ensureOperator(redisUrl, profile, password)
  const signedIn = await callOf(caller)('auth:signIn', {
    operatorId: profile.operatorId,
    password,
  })
  if (!signedIn.ok)
    throw new Error(`sign-in ${profile.operatorId}: ${JSON.stringify(signedIn.error)}`)
  return signedIn.profile
}

/**
 * Signs in as the account, making it first: on a store with no account yet (a console's
 * own embedded Redis) as its first staff account (auth:setup), else it must exist.
 */
export async function signInOrSetUp(
  caller: Caller,
  profile: OperatorProfile,
  password = TEST_PASSWORD,
): Promise<OperatorProfile> {
  const call = callOf(caller)
  const status = await call('auth:status', {})
  if (status.ok && status.setupNeeded && profile.role === 'staff') {
    const { operatorId, displayName } = profile
    const setUp = await call('auth:setup', { operatorId, displayName, password })
    if (!setUp.ok) throw new Error(`setup ${operatorId}: ${JSON.stringify(setUp.error)}`)
    return setUp.profile
  }
  const signedIn = await call('auth:signIn', { operatorId: profile.operatorId, password })
  if (!signedIn.ok)
    throw new Error(`sign-in ${profile.operatorId}: ${JSON.stringify(signedIn.error)}`)
  return signedIn.profile
}
