import type { CreateDraft, CreateErrors } from '../../lib/createForm'

/** What each part of the create form gets: the draft, its errors and a setter. */
export interface DraftProps {
  draft: CreateDraft
  errors: CreateErrors
  set: <K extends keyof CreateDraft>(key: K, value: CreateDraft[K]) => void
}
