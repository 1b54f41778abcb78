// The shapes of a sale's results: per-lot results, buyer invoices, consignor statements and
// the sale report. Money in minor units; the figures come from src/shared/settlement.ts.
import type { LotStatus } from './domain'
import type { RegisterEntry } from './register'

/** One lot of the sale's results, in catalogue order. */
export interface ResultLot {
  lotId: string
  number: string
  title: string
  status: LotStatus
  consignor: string
  estimateLow: number | null
  estimateHigh: number | null
  /** Sold lots: the buyer's paddle and the hammer price; otherwise null and 0. */
  winnerId: string | null
  hammer: number
  premium: number
  tax: number
  /** hammer + premium + tax */
  total: number
}

export interface ResultTotals {
  hammer: number
  premium: number
  tax: number
  total: number
  lotsOffered: number
  lotsSold: number
  lotsPassed: number
  lotsWithdrawn: number
  /** Lots not yet offered or still open (a sale not over). */
  lotsOpen: number
  buyers: number
}

export interface SaleResults {
  saleId: string
  currency: string
  lots: ResultLot[]
  totals: ResultTotals
}

export interface InvoiceLine {
  lotId: string
  number: string
  title: string
  hammer: number
  premium: number
  tax: number
  total: number
}

export interface Invoice {
  saleId: string
  saleTitle: string
  currency: string
  paddle: string
  /** The paddle's register entry, when it has one. */
  bidder: RegisterEntry | null
  lines: InvoiceLine[]
  hammer: number
  premium: number
  tax: number
  total: number
}

export interface StatementLine {
  lotId: string
  number: string
  title: string
  hammer: number
  commission: number
  fee: number
  net: number
}

export interface Statement {
  saleId: string
  saleTitle: string
  currency: string
  sellerId: string
  /** Parts per million. */
  commissionRate: number
  lines: StatementLine[]
  /** The consignor's lots not sold: passed, withdrawn, or not yet offered. */
  unsold: { lotId: string; number: string; title: string; status: LotStatus }[]
  hammer: number
  commission: number
  fees: number
  /** What the house owes the consignor: hammer − commission − fees. */
  net: number
}

export interface SaleReport {
  saleId: string
  title: string
  currency: string
  status: string
  lots: {
    total: number
    offered: number
    sold: number
    passed: number
    withdrawn: number
    open: number
  }
  /** Sold ÷ offered, 0…1 (4 decimals); null when nothing was offered. */
  sellThroughByLots: number | null
  /** Hammer total ÷ the low estimates of the lots offered, 0…1 (4 decimals); null without estimates. */
  sellThroughByValue: number | null
  hammerTotal: number
  premiumTotal: number
  taxTotal: number
  /** Of the lots offered. */
  estimateLowTotal: number
  estimateHighTotal: number
  /** Sold lots with hammer above the high estimate / below the low one. */
  aboveEstimate: number
  belowEstimate: number
  /** The highest hammer prices, at most 10. */
  topLots: { lotId: string; number: string; title: string; hammer: number; winnerId: string }[]
  /** For the chart: every lot in catalogue order. */
  perLot: {
    lotId: string
    number: string
    status: LotStatus
    hammer: number
    estimateLow: number | null
    estimateHigh: number | null
  }[]
}
