// The absentee book of a lot, read when the lot (or the size of its book) changes.
import { useEffect, useState } from 'react'
import type { BookEntry } from '../../../shared/domain'
import { useLiveCommands } from './useLiveCommands'

export interface LotBook {
  entries: BookEntry[]
  error: string | null
}

export function useLotBook(lotId: string | null, size: number): LotBook {
  const commands = useLiveCommands()
  const [book, setBook] = useState<LotBook & { lotId: string | null }>({
    lotId: null,
    entries: [],
    error: null,
  })
  useEffect(() => {
    if (!lotId) return
    let current = true
    void commands.book(lotId).then((answer) => {
      if (!current) return
      setBook(
        answer.ok
          ? { lotId, entries: answer.entries, error: null }
          : { lotId, entries: [], error: answer.error.message },
      )
    })
    return () => {
      current = false
    }
  }, [commands, lotId, size])
  return book.lotId === lotId ? book : { entries: [], error: null }
}
