// The Redis server's clock seen from here: countdowns use Date.now() + offset, so a
// console whose own clock is wrong still shows the true time left.
import type { AuctionApi } from '../../../shared/contract'

/** Measures server minus local time, halving the round trip. Null when unavailable. */
export async function measureClockOffset(
  api: AuctionApi,
  localNow: () => number = Date.now,
): Promise<number | null> {
  const sent = localNow()
  const answer = await api.call('clock:now', {}).catch(() => null)
  const received = localNow()
  if (!answer?.ok) return null
  return Math.round(answer.now - (sent + received) / 2)
}
