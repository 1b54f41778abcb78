// Which lot the clerk's screen is about: the one on the block, else the one whose hammer
// fell last (its result stays on screen until the next offer), else the next waiting lot.
import type { Lot } from '../../../shared/domain'

export function focusLotOf(lots: readonly Lot[]): Lot | undefined {
  const onBlock = lots.find((lot) => lot.lotStatus === 'active')
  if (onBlock) return onBlock
  let last: Lot | undefined
  for (const lot of lots) {
    if (lot.hammerAt !== null && (!last || (last.hammerAt ?? 0) < lot.hammerAt)) last = lot
  }
  return last ?? lots.find((lot) => lot.lotStatus === 'waiting')
}

/** The lot whose book matters now: the one on the block, else the next to be offered. */
export function bookLotOf(lots: readonly Lot[]): Lot | undefined {
  return (
    lots.find((lot) => lot.lotStatus === 'active') ??
    lots.find((lot) => lot.lotStatus === 'waiting')
  )
}
