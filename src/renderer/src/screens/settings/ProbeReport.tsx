// What "Test connection" found: the topology, each node (address, role, version, reachable),
// whether sharded pub/sub is available and how the engine's scripts will run.
import type { RedisProbe } from '../../../../shared/contract'

const TOPOLOGY: Record<RedisProbe['topology'], string> = {
  single: 'one server',
  sentinel: 'a Sentinel group',
  cluster: 'a Redis Cluster',
}

/** The status line's words for a good test: what was found, its version and round trip. */
export const probeSummary = (probe: RedisProbe): string =>
  `Connected to ${TOPOLOGY[probe.topology]}${
    probe.masterName ? ` (master name ${probe.masterName})` : ''
  }: Redis ${probe.serverVersion}, ${probe.latencyMs} ms round trip.`

export function ProbeReport({ probe }: { probe: RedisProbe }) {
  return (
    <div data-testid="probe-report">
      <p>
        Sharded pub/sub: {probe.shardedPubSub ? 'available' : 'not available'}
        {probe.topology === 'cluster'
          ? probe.shardedPubSub
            ? ' (each sale’s events stay on its own node)'
            : ' (Redis 7 or later is needed on a cluster)'
          : ''}
      </p>
      <p data-testid="probe-scripts">
        Engine scripts:{' '}
        {probe.scripts === 'functions'
          ? 'Redis Functions (loaded once on each primary)'
          : 'EVALSHA (Redis Functions need Redis 7 and +fcall +function|load for this user)'}
      </p>
      <table className="grid grid--compact" data-testid="probe-nodes">
        <thead>
          <tr>
            <th scope="col">Address</th>
            <th scope="col">Role</th>
            <th scope="col">Version</th>
            <th scope="col">Reachable</th>
          </tr>
        </thead>
        <tbody>
          {probe.nodes.map((node) => (
            <tr key={`${node.role}-${node.address}`}>
              <td className="mono">{node.address}</td>
              <td>{node.role}</td>
              <td>{node.version || '—'}</td>
              <td>{node.reachable ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
