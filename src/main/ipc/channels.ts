// The one map of IPC channel names, shared by the main side and the preload. Plain data
// only: the sandboxed preload bundles this file, so it must not pull in zod or Node.
import type { CommandName, PushName } from '../../shared/contract'

/** Every command of the contract, spelled out so the preload needs no zod. */
const COMMAND_NAMES = [
  'auctions:list',
  'auctions:get',
  'auctions:create',
  'auctions:start',
  'auctions:end',
  'auctions:cancel',
  'bids:place',
  'bids:history',
  'auctions:watch',
  'auctions:unwatch',
  'clock:now',
  'connection:status',
  'settings:get',
  'settings:save',
  'settings:test',
  'sales:list',
  'sales:get',
  'sales:lots',
  'sales:create',
  'sales:start',
  'sales:end',
  'sales:cancel',
  'sales:watch',
  'sales:unwatch',
  'lots:add',
  'lots:update',
  'lots:remove',
  'lots:reorder',
  'lots:import',
  'lots:offer',
  'lots:floor',
  'lots:ask',
  'lots:warn',
  'lots:hammer',
  'lots:pass',
  'lots:retract',
  'lots:reopen',
  'lots:withdraw',
  'lots:book',
  'sales:log',
  'sales:verifyLog',
  'sales:rates',
  'display:link',
  'profile:get',
  'auth:status',
  'auth:setup',
  'auth:signIn',
  'auth:resume',
  'auth:signOut',
  'operators:list',
  'operators:add',
  'operators:disable',
  'operators:enable',
  'operators:passwd',
  'sales:update',
  'register:list',
  'register:add',
  'register:update',
  'register:approve',
  'register:import',
  'sales:results',
  'sales:invoice',
  'sales:invoices',
  'sales:statement',
  'sales:statements',
  'sales:report',
  'print:pdf',
] as const satisfies readonly CommandName[]

const PUSH_NAMES = [
  'auction:events',
  'auction:snapshot',
  'auction:viewers',
  'sale:events',
  'sale:snapshot',
  'connection:state',
  'session:ended',
] as const satisfies readonly PushName[]

// Compile-time proof that the lists above are complete: a command or push added to the
// contract without being added here is a type error.
type Missing<All, Listed> = Exclude<All, Listed>
const complete = <T extends never>(): T | undefined => undefined
complete<Missing<CommandName, (typeof COMMAND_NAMES)[number]>>()
complete<Missing<PushName, (typeof PUSH_NAMES)[number]>>()

/** Renderer → main, one `ipcMain.handle` channel per command: `auction:invoke:<command>`. */
export const INVOKE_CHANNELS = Object.freeze(
  Object.fromEntries(COMMAND_NAMES.map((name) => [name, `auction:invoke:${name}`])),
) as Readonly<Record<CommandName, string>>

/** Main → renderer, one `webContents.send` channel per push: `auction:push:<push>`. */
export const PUSH_CHANNELS = Object.freeze(
  Object.fromEntries(PUSH_NAMES.map((name) => [name, `auction:push:${name}`])),
) as Readonly<Record<PushName, string>>

const own = (map: object, key: unknown): boolean =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(map, key)

/** The invoke channel of a command, or undefined for anything not in the contract. */
export const invokeChannel = (name: unknown): string | undefined =>
  own(INVOKE_CHANNELS, name) ? INVOKE_CHANNELS[name as CommandName] : undefined

/** The push channel of an event, or undefined for anything not in the contract. */
export const pushChannel = (name: unknown): string | undefined =>
  own(PUSH_CHANNELS, name) ? PUSH_CHANNELS[name as PushName] : undefined

export const commandNames = (): readonly CommandName[] => COMMAND_NAMES
export const pushNames = (): readonly PushName[] => PUSH_NAMES
