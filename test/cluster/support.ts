// Helpers of the cluster tests: which master owns a sale's slot (CLUSTER KEYSLOT on the sale's
// hash tag, CLUSTER SLOTS), sale ids chosen so that sales land on different nodes, and the
// output checks every cluster test makes.
import { expect, inject } from 'vitest'
import { saleIdFor } from '../../src/main/engine/ids'
import { nodeCommand } from '../support/redis-cluster'

export const clusterPorts = (): number[] => {
  const ports = inject('clusterPorts')
  if (!ports?.length) throw new Error('the cluster tests run in the `cluster` Vitest project')
  return ports
}

type SlotRange = [start: number, end: number, master: [host: string, port: number]]

/** The port of the master that owns the sale's slot (its `{saleId}` hash tag). */
export async function ownerOf(saleId: string): Promise<number> {
  const [port] = clusterPorts()
  const slot = Number(await nodeCommand(port as number, 'CLUSTER', 'KEYSLOT', `{${saleId}}`))
  const ranges = (await nodeCommand(port as number, 'CLUSTER', 'SLOTS')) as SlotRange[]
  const range = ranges.find(([start, end]) => start <= slot && slot <= end)
  if (!range) throw new Error(`slot ${slot} is not served`)
  return range[2][1]
}

/**
 * One request id per master such that the sale the owner creates with it lives on that master:
 * a sale's id derives from (owner, request id), so the test knows it before the create.
 */
export async function requestIdsOnEveryNode(
  owner: string,
  prefix: string,
  kind: 'sale' | 'auction' = 'sale',
): Promise<{ requestId: string; saleId: string; port: number }[]> {
  const byPort = new Map<number, { requestId: string; saleId: string; port: number }>()
  const ports = clusterPorts()
  for (let i = 0; byPort.size < ports.length; i++) {
    if (i > 200) throw new Error(`no request ids reach every node: ${[...byPort.keys()]}`)
    const requestId = `${prefix}-${i}`
    const saleId = saleIdFor(kind, owner, requestId)
    const port = await ownerOf(saleId)
    if (!byPort.has(port)) byPort.set(port, { requestId, saleId, port })
  }
  return [...byPort.values()]
}

/** No redirection surfaced and no unexplained failure, in anything a process printed. */
export function expectNoRedirection(output: string, what: string): void {
  expect(output, `${what}: no MOVED`).not.toMatch(/MOVED/)
  expect(output, `${what}: no ASK`).not.toMatch(/\bASK\b/)
  expect(output, `${what}: no CROSSSLOT`).not.toMatch(/CROSSSLOT/)
  expect(output, `${what}: no INTERNAL`).not.toMatch(/INTERNAL/)
}

/** Seqs as printed: each the one before plus one, from the one after `from`. */
export function expectSeqOrder(events: Record<string, unknown>[], from: number): void {
  expect(events.map((event) => event.seq)).toEqual(
    Array.from({ length: events.length }, (_, i) => from + 1 + i),
  )
}
