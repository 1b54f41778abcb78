// Whole seconds left until a moment (a slowed-down sign-in's retry), ticking while > 0.
import { useEffect, useState } from 'react'
import { secondsLeft } from '../lib/accountWords'

export function useSecondsLeft(until: number | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (until === null) return
    let timer: ReturnType<typeof setTimeout>
    const tick = (): void => {
      const at = Date.now()
      setNow(at)
      if (at < until) timer = setTimeout(tick, Math.min(250, until - at))
    }
    timer = setTimeout(tick, 0)
    return () => clearTimeout(timer)
  }, [until])
  return secondsLeft(until, now)
}
