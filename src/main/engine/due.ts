// The scheduler's pass over the due registry: every sale whose due time has come gets one
// tick script (open it, close its due lots), then its entry moves to the sale's next due
// time, unless it was lowered meanwhile.
import { type EngineCore, runSaleScript, scriptFailure } from './core'
import { registryKeys } from './keys'

export interface DueBatch {
  /** Server time of the read. */
  now: number
  /** When to look again: the earliest due time left, if any. */
  nextDue: number | null
  /** Sales opened plus lots closed. */
  acted: number
  /** Sales ticked. */
  ticked: number
}

export async function tickDue(core: EngineCore, batch: number): Promise<DueBatch> {
  const [now, first, flat] = (await core.run('dueSales', [registryKeys.due], [batch])) as [
    number,
    string,
    string[],
  ]
  let acted = 0
  let nextDue = first === '' || Number(first) <= now ? null : Number(first)
  const settle = (saleId: string, readScore: string, next: string) =>
    core.run('settleDue', [registryKeys.due], [saleId, readScore, next])
  const ticks: Promise<void>[] = []
  for (let i = 0; i < flat.length; i += 2) {
    const saleId = flat[i] as string
    const readScore = flat[i + 1] as string
    ticks.push(
      (async () => {
        const answer = await runSaleScript(core, 'tickSale', saleId, [batch])
        const refused = scriptFailure(answer)
        // A Redis user refused the tick's calls: the script wrote nothing; say so.
        if (refused) throw new Error(`${refused.error.code}: ${refused.error.message}`)
        const [done, reply] = answer as [number, string, number]
        let next = reply
        if (reply === 'missing') {
          // Announced but not created yet: its create script may be on its way. Look again
          // shortly; a create that failed forgets it, and the sweep drops it in the end.
          const announced = await core.redis.zscore(registryKeys.live, saleId)
          next = announced === null ? '' : String(now + 100)
        }
        acted += done
        if (next !== '' && (nextDue === null || Number(next) < nextDue)) nextDue = Number(next)
        await core.registry.settleDue(saleId, readScore, String(next), settle)
        // The lists are hints: the next pass does not wait for them.
        if (done > 0) core.registry.refresh(saleId).catch(() => undefined)
      })(),
    )
  }
  await Promise.all(ticks)
  return { now, nextDue, acted, ticked: flat.length / 2 }
}
