// A sale's bidder register: who each paddle is, whether the house approved them, and their
// credit limit. The fields and the limit (in the sale's currency) are checked here; the
// writeRegister script checks what needs the sale's state (its seller, its status, the
// paddles taken) and keeps the compact paddles hash the bid script reads.
import { z } from 'zod'
import type { Actor } from '../../shared/domain'
import { fail, type CatalogueRowError, type Failure } from '../../shared/errors'
import {
  REGISTER_KINDS,
  registerAddSchema,
  registerUpdateSchema,
  type RegisterAddInput,
  type RegisterEntry,
  type RegisterUpdateInput,
} from '../../shared/register'
import type { RegisterRow } from '../../shared/register-csv'
import { type EngineCore, runSaleScript, scriptFailure } from './core'
import { saleKeys } from './keys'
import { invalidInput, moneyField } from './validation'

/** The room's anonymous paddle (engine.ts FLOOR_PADDLE): no bidder may be registered as it. */
const ANONYMOUS_PADDLE = 'floor'

/** The most entries one import takes (registerImportSchema). */
const MAX_IMPORT = 10_000

type Mode = 'add' | 'update' | 'import'

/** The fields the script writes: the paddle, and for an update only what changes. */
type Written = { paddle: string } & Partial<
  Omit<RegisterEntry, 'paddle' | 'createdAt' | 'updatedAt'>
>

/** An entry as stored (Lua's cjson writes null for a cleared field). */
const storedEntrySchema = z.object({
  paddle: z.string(),
  name: z.string(),
  email: z.string().nullable().default(null),
  phone: z.string().nullable().default(null),
  kind: z.enum(REGISTER_KINDS).catch('floor'),
  approved: z.boolean().default(false),
  limit: z.number().int().nullable().default(null),
  notes: z.string().default(''),
  createdAt: z.number(),
  updatedAt: z.number(),
}) satisfies z.ZodType<RegisterEntry>

const decodeEntry = (text: string): RegisterEntry =>
  storedEntrySchema.parse(JSON.parse(text) as unknown)

const collator = new Intl.Collator('en', { numeric: true })
/** Paddle order as people count: 2, 12, 12A, 100. */
const byPaddle = (a: RegisterEntry, b: RegisterEntry): number =>
  collator.compare(a.paddle, b.paddle) || (a.paddle < b.paddle ? -1 : a.paddle > b.paddle ? 1 : 0)

function paddleRefusal(paddle: string): Failure | null {
  return paddle.toLowerCase() === ANONYMOUS_PADDLE
    ? fail('INVALID_INPUT', "paddle: 'floor' is the room's anonymous paddle", { field: 'paddle' })
    : null
}

async function saleOf(
  core: EngineCore,
  saleId: string,
): Promise<{ currency: string; sellerId: string } | Failure> {
  const [currency, sellerId] = await core.redis.hmget(saleKeys(saleId).sale, 'currency', 'sellerId')
  return currency == null
    ? fail('SALE_NOT_FOUND', `no sale ${saleId}`)
    : { currency, sellerId: sellerId ?? '' }
}

/** The limit in minor units (null clears it), undefined when not given, or INVALID_AMOUNT. */
function limitOf(
  limit: string | number | null | undefined,
  currency: string,
): number | null | undefined | Failure {
  if (limit === undefined) return undefined
  if (limit === null || limit === '') return null
  return moneyField('limit', limit, currency)
}

/** Parsed fields → what the script writes; `complete` fills what an add leaves out. */
function writtenFields(
  fields: z.output<typeof registerUpdateSchema>,
  currency: string,
  complete: boolean,
): Written | Failure {
  const refused = paddleRefusal(fields.paddle)
  if (refused) return refused
  const limit = limitOf(fields.limit, currency)
  if (typeof limit === 'object' && limit !== null) return limit
  const absent = complete ? null : undefined
  const written: Written = {
    paddle: fields.paddle,
    name: fields.name,
    email: fields.email === undefined ? absent : fields.email,
    phone: fields.phone === undefined ? absent : fields.phone,
    kind: fields.kind,
    approved: fields.approved,
    limit: limit === undefined ? absent : limit,
    notes: fields.notes,
  }
  // Only what was given: an update leaves every other field as it is.
  return Object.fromEntries(
    Object.entries(written).filter(([, value]) => value !== undefined),
  ) as Written
}

/** Runs writeRegister; the entries written, in order, or the failure. */
async function write(
  core: EngineCore,
  saleId: string,
  actor: Actor,
  mode: Mode,
  entries: Written[],
): Promise<RegisterEntry[] | Failure> {
  const reply = await runSaleScript(core, 'writeRegister', saleId, [
    actor.id,
    actor.staff ? '1' : '0',
    mode,
    ...entries.map((entry) => JSON.stringify(entry)),
  ])
  return scriptFailure(reply) ?? reply.slice(1).map((text) => decodeEntry(String(text)))
}

/** Every entry of the sale's register, by paddle (numbers in counting order). */
export async function list(
  core: EngineCore,
  saleId: string,
): Promise<{ entries: RegisterEntry[] } | Failure> {
  const keys = saleKeys(saleId)
  const [exists, raw] = await Promise.all([
    core.redis.exists(keys.sale),
    core.redis.hgetall(keys.register),
  ])
  if (!exists) return fail('SALE_NOT_FOUND', `no sale ${saleId}`)
  return { entries: Object.values(raw).map(decodeEntry).sort(byPaddle) }
}

/** A new paddle: PADDLE_TAKEN when the register has it. */
export async function add(
  core: EngineCore,
  saleId: string,
  raw: RegisterAddInput,
  actor: Actor,
): Promise<{ entry: RegisterEntry } | Failure> {
  const parsed = registerAddSchema.safeParse(raw)
  if (!parsed.success) return invalidInput(parsed.error)
  return writeOne(core, saleId, actor, 'add', parsed.data)
}

/** Changes the fields given: PADDLE_NOT_FOUND when the register has no such paddle. */
export async function update(
  core: EngineCore,
  saleId: string,
  raw: RegisterUpdateInput,
  actor: Actor,
): Promise<{ entry: RegisterEntry } | Failure> {
  const parsed = registerUpdateSchema.safeParse(raw)
  if (!parsed.success) return invalidInput(parsed.error)
  if (Object.values(parsed.data).filter((value) => value !== undefined).length < 2) {
    return fail('INVALID_INPUT', 'nothing to change: give at least one field', { field: 'paddle' })
  }
  return writeOne(core, saleId, actor, 'update', parsed.data)
}

async function writeOne(
  core: EngineCore,
  saleId: string,
  actor: Actor,
  mode: 'add' | 'update',
  fields: z.output<typeof registerUpdateSchema>,
): Promise<{ entry: RegisterEntry } | Failure> {
  const sale = await saleOf(core, saleId)
  if ('ok' in sale) return sale
  const written = writtenFields(fields, sale.currency, mode === 'add')
  if ('ok' in written) return written
  const entries = await write(core, saleId, actor, mode, [written])
  if (!Array.isArray(entries)) return entries
  const [entry] = entries
  return entry ? { entry } : fail('INTERNAL', 'the register answered no entry')
}

const catalogueFailure = (rows: CatalogueRowError[]): Failure =>
  fail('INVALID_CATALOGUE', `${rows.length} bad row(s); nothing was imported`, { rows })

/** Rows (not yet faulted) whose paddle is the seller, in the register, or on an earlier row. */
async function paddleProblems(
  core: EngineCore,
  saleId: string,
  sellerId: string,
  rows: { line: number; paddle: string }[],
  faulted: CatalogueRowError[],
): Promise<CatalogueRowError[]> {
  if (rows.length === 0) return []
  const taken = await core.redis.hmget(saleKeys(saleId).register, ...rows.map((row) => row.paddle))
  const seen = new Map<string, number>()
  const found: CatalogueRowError[] = []
  rows.forEach(({ line, paddle }, i) => {
    const first = seen.get(paddle)
    if (first === undefined) seen.set(paddle, line)
    if (faulted.some((error) => error.line === line)) return
    if (paddle === sellerId) {
      found.push({
        line,
        code: 'SELLER_CANNOT_BID',
        message: `paddle ${paddle} is the sale's seller`,
      })
    } else if (taken[i] !== null) {
      found.push({
        line,
        code: 'PADDLE_TAKEN',
        message: `paddle ${paddle} is already in the register`,
      })
    } else if (first !== undefined) {
      found.push({
        line,
        code: 'PADDLE_TAKEN',
        message: `paddle ${paddle} is already on line ${first}`,
      })
    }
  })
  return found
}

/** All or nothing: any bad, taken or repeated row → INVALID_CATALOGUE with every bad row. */
export async function importEntries(
  core: EngineCore,
  saleId: string,
  rows: RegisterRow[],
  actor: Actor,
): Promise<{ entries: RegisterEntry[] } | Failure> {
  if (rows.length === 0) return catalogueFailure([])
  if (rows.length > MAX_IMPORT) {
    return fail('INVALID_INPUT', `entries: at most ${MAX_IMPORT} in one import`, {
      field: 'entries',
    })
  }
  const sale = await saleOf(core, saleId)
  if ('ok' in sale) return sale
  const errors: CatalogueRowError[] = []
  const written: Written[] = []
  const paddles: { line: number; paddle: string }[] = []
  for (const { line, input } of rows) {
    const parsed = registerAddSchema.safeParse(input)
    const fields = parsed.success
      ? writtenFields(parsed.data, sale.currency, true)
      : invalidInput(parsed.error)
    if (parsed.success) paddles.push({ line, paddle: parsed.data.paddle })
    if ('ok' in fields)
      errors.push({ line, code: fields.error.code, message: fields.error.message })
    else written.push(fields)
  }
  if (errors.length > 0) {
    // Every bad row in one report: paddles taken, repeated or the seller's too (the script
    // checks them again, atomically, once the file is otherwise good).
    errors.push(...(await paddleProblems(core, saleId, sale.sellerId, paddles, errors)))
    return catalogueFailure(errors.sort((a, b) => a.line - b.line))
  }
  const entries = await write(core, saleId, actor, 'import', written)
  if (Array.isArray(entries)) return { entries: entries.sort(byPaddle) }
  const bad = entries.error.rows as { index: number; code: string; message: string }[] | undefined
  if (!bad) return entries
  return catalogueFailure(
    bad.map((row) => ({
      line: rows[row.index - 1]?.line ?? row.index,
      code: row.code,
      message: row.message,
    })),
  )
}
