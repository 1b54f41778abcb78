// The CLI's output discipline: exactly one JSON document on stdout per command (JSON lines
// for streams), human messages on stderr. Exit 0 ok, 2 rejected, 1 any other failure.
import type { Failure } from '../../shared/errors'
import { fail } from '../../shared/errors'

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_REJECTED = 2

/** Failures that are not a verdict on the command itself. */
const NOT_REJECTIONS = new Set([
  'REDIS_UNAVAILABLE',
  'REDIS_NO_PERMISSION',
  'SCHEMA_MISMATCH',
  'INTERNAL',
])

export function printJson(document: unknown): void {
  process.stdout.write(`${JSON.stringify(document)}\n`)
}

export function say(message: string): void {
  process.stderr.write(`${message}\n`)
}

/** An answer printed as text (`--csv`) instead of one JSON document. */
const TEXT = Symbol('text')
export const textAnswer = (text: string): { ok: true; [TEXT]: string } => ({
  ok: true,
  [TEXT]: text,
})

/** Prints a command's answer and returns the exit code it deserves. */
export function finish(answer: ({ ok: true } & object) | Failure): number {
  const text = (answer as { [TEXT]?: string })[TEXT]
  if (answer.ok && text !== undefined) {
    process.stdout.write(text)
    return EXIT_OK
  }
  printJson(answer)
  if (answer.ok) return EXIT_OK
  return NOT_REJECTIONS.has(answer.error.code) ? EXIT_FAILURE : EXIT_REJECTED
}

/** A malformed command line is a rejected command with INVALID_INPUT. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
  toFailure(): Failure {
    return fail('INVALID_INPUT', this.message, this.field ? { field: this.field } : {})
  }
}
