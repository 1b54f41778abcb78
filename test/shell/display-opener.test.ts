// `display:link` through the API service, as the desktop wires it (offerDisplays with a
// window opener): the opener runs only for staff and the sale's seller, and its route is
// the answer; a display session (displayService) reads its one sale and changes nothing.
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiService, displayService } from '../../src/main/api'
import type { CommandInput, CommandName, CommandResult } from '../../src/shared/contract'
import { createFileSecretBox } from '../../src/main/settings'
import { redisUrl } from '../support/engine'
import { seller, signIn, staff, tempDir } from './support'

let dataDir: string
let service: ReturnType<typeof createApiService>
const opened: string[] = []

type Call = <N extends CommandName>(name: N, input: CommandInput<N>) => Promise<CommandResult<N>>
const sessionOf = (api: Pick<typeof service, 'openSession' | 'call'>): Call => {
  const session = api.openSession(() => undefined)
  return (name, input) => api.call(session, name, input) as never
}

beforeAll(async () => {
  dataDir = tempDir('display-opener')
  service = createApiService({
    dataDir,
    secrets: createFileSecretBox(dataDir),
    redisUrl: redisUrl(),
    scheduler: false,
    log: () => undefined,
  })
  await service.settled()
})
afterAll(async () => {
  await service.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('display:link with a desktop opener', () => {
  it('is not offered until the transport offers displays', async () => {
    const call = sessionOf(service)
    await signIn(call, staff())
    const answer = await call('display:link', { saleId: 'any' })
    expect(!answer.ok && answer.error).toMatchObject({ code: 'INVALID_INPUT', field: 'saleId' })
  })

  it('opens the window for staff and the seller only; a display session only reads', async () => {
    service.offerDisplays((saleId) => {
      opened.push(saleId)
      return `app://console/index.html#/display/${saleId}`
    })
    const owner = sessionOf(service)
    await signIn(owner, seller())
    const created = await owner('sales:create', { title: 'Evening sale', mode: 'live' })
    if (!created.ok) throw new Error(created.error.message)
    const saleId = created.sale.id

    const stranger = sessionOf(service)
    await signIn(stranger, seller())
    expect(await stranger('display:link', { saleId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SELLER' },
    })
    const nobody = sessionOf(service)
    expect(await nobody('display:link', { saleId })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    })
    expect(opened).toEqual([])

    expect(await owner('display:link', { saleId })).toEqual({
      ok: true,
      url: `app://console/index.html#/display/${saleId}`,
    })
    const clerk = sessionOf(service)
    await signIn(clerk, staff())
    expect((await clerk('display:link', { saleId })).ok).toBe(true)
    expect(opened).toEqual([saleId, saleId])

    const display = sessionOf(displayService(service, saleId))
    expect((await display('sales:get', { saleId })).ok).toBe(true)
    expect(await display('sales:start', { saleId })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    })
  })
})
