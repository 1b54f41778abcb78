// An operator account as callers see it: never the hash or its salt.
import { z } from 'zod'
import { operatorProfileSchema, type OperatorAccount } from '../../shared/contract'

export type Operator = OperatorAccount

/** The profile's own fields, so an account and a console profile agree on id, name and role. */
export const newOperatorSchema = z.object({
  id: operatorProfileSchema.shape.operatorId,
  displayName: operatorProfileSchema.shape.displayName,
  role: operatorProfileSchema.shape.role,
  password: z.string(),
})
/** What a caller asks for: plain text, checked by newOperatorSchema (the role too). */
export interface NewOperator {
  id: string
  displayName: string
  role: string
  password: string
}

const roleSchema = operatorProfileSchema.shape.role
const optionalMs = (text: string | undefined): number | null =>
  text === undefined || text === '' ? null : Number(text)

/** An account hash as an Operator (only the fields named here leave the store), or null. */
export function decodeOperator(hash: Record<string, string>): Operator | null {
  const role = roleSchema.safeParse(hash.role)
  if (!hash.id || !role.success) return null
  return {
    id: hash.id,
    displayName: hash.displayName ?? '',
    role: role.data,
    disabled: hash.disabled === '1',
    createdAt: Number(hash.createdAt),
    createdBy: hash.createdBy ?? '',
    lastSignInAt: optionalMs(hash.lastSignInAt),
    changedAt: optionalMs(hash.changedAt),
    changedBy: hash.changedBy ?? null,
  }
}
