// Every keyboard shortcut of the console, in one table: the buttons show their key from
// here and the `?` overlay lists them, so what is on screen and what works cannot differ.
// Room and sale actions use Alt + a letter, matched by physical key (event.code), so they
// also work on layouts where Alt changes the character and never clash with typing.

export interface KeyDef {
  /** What the operator reads: "F2", "Alt+E". */
  label: string
  /** KeyboardEvent.key to match (F2, Escape, ?, /). */
  key?: string
  /** KeyboardEvent.code to match with Alt (KeyE). */
  code?: string
  alt?: boolean
  /** What it does, for the overlay. */
  does: string
}

const alt = (letter: string, does: string): KeyDef => ({
  label: `Alt+${letter}`,
  code: `Key${letter}`,
  alt: true,
  does,
})

export const KEYS = {
  placeBid: { label: 'Enter', key: 'Enter', does: 'Place the bid (in the bid form)' },
  bidAsking: { label: 'F2', key: 'F2', does: 'Bid the asking price' },
  clearBid: { label: 'Esc', key: 'Escape', does: 'Clear amount and maximum, back to Paddle' },
  start: alt('S', 'Start (confirmed)'),
  end: alt('E', 'End now (confirmed)'),
  cancel: alt('C', 'Cancel (confirmed)'),
  exportCsv: alt('X', 'Export the result and bid history as CSV'),
  watch: alt('W', 'Watch or unwatch this auction'),
  back: alt('B', 'Back to the sale or the list'),
  floorBid: { label: 'Space', key: ' ', does: 'Floor bid at the asking price' },
  paddle: alt('P', 'Paddle field: type a paddle, Enter bids the asking price for it'),
  source: alt('T', 'Paddle bids: switch the source between phone and online'),
  warn: alt('W', 'Fair warning'),
  hammer: alt('H', 'Sold to the leader (asks the paddle of a floor bidder)'),
  pass: alt('X', 'Pass the lot (asks the reason; Enter takes the suggested one)'),
  undo: alt('U', 'Undo the last bid (asks the reason)'),
  nextLot: alt('N', 'Offer the next lot'),
  askUp: { label: 'Alt+↑', code: 'ArrowUp', alt: true, does: 'Asking price one increment up' },
  askDown: {
    label: 'Alt+↓',
    code: 'ArrowDown',
    alt: true,
    does: 'Asking price one increment down',
  },
  split: alt('L', 'Split: ask half an increment'),
  order: alt('O', 'Running order: ↑ ↓ choose, Enter offers, R reopens (asks the reason)'),
  display: alt('D', 'Open the room display'),
  rates: alt('R', 'Display rates (indicative currencies)'),
  confirm: { label: 'Enter', key: 'Enter', does: 'Confirm a dialog (Esc cancels)' },
  search: { label: '/', key: '/', does: 'Search by title' },
  tabs: { label: '← →', does: 'Move between tabs (on a tab)' },
  help: { label: '?', key: '?', does: 'Show or hide these shortcuts' },
} satisfies Record<string, KeyDef>

export type KeyName = keyof typeof KEYS

/** The overlay's sections, by screen. */
export const SHORTCUT_SECTIONS: { title: string; screens: string[]; keys: KeyName[] }[] = [
  {
    title: 'Auction room',
    screens: ['room'],
    keys: [
      'placeBid',
      'bidAsking',
      'clearBid',
      'start',
      'end',
      'cancel',
      'exportCsv',
      'watch',
      'back',
    ],
  },
  {
    title: 'Live sale: the clerk',
    screens: ['sale'],
    keys: [
      'floorBid',
      'paddle',
      'source',
      'warn',
      'hammer',
      'pass',
      'undo',
      'nextLot',
      'askUp',
      'askDown',
      'split',
      'order',
      'display',
      'rates',
      'confirm',
    ],
  },
  { title: 'Sale page', screens: ['sale'], keys: ['start', 'end', 'cancel', 'back'] },
  { title: 'Lists', screens: ['list', 'auctions'], keys: ['search', 'tabs'] },
  { title: 'Everywhere', screens: [], keys: ['help'] },
]

export function matches(def: KeyDef, event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey) return false
  if (def.alt) return event.altKey && event.code === def.code
  return !event.altKey && event.key === def.key
}

/** True when the key goes to a text field (a plain key there is typing, not a shortcut). */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null
  return target?.closest('input, textarea, select, [contenteditable="true"]') != null
}
