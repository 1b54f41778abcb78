// Untrusted input → the contract's parsed input, or INVALID_INPUT naming the field at fault.
import type { z } from 'zod'
import { commands, type CommandName } from '../../shared/contract'
import { fail, type Failure } from '../../shared/errors'

export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name)

export type ParsedInput<N extends CommandName> = z.output<(typeof commands)[N]['input']>

export function parseInput<N extends CommandName>(
  name: N,
  input: unknown,
): { ok: true; data: ParsedInput<N> } | Failure {
  const parsed = commands[name].input.safeParse(input ?? {})
  if (parsed.success) return { ok: true, data: parsed.data as ParsedInput<N> }
  const issue = parsed.error.issues[0]
  const field = issue?.path.map(String).join('.') || 'input'
  return fail('INVALID_INPUT', `${field}: ${issue?.message ?? 'invalid'}`, { field })
}
