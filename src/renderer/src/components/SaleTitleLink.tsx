import type { Sale } from '../../../shared/domain'
import { useConsole } from '../context'

/** A sale's title as a button that opens its page. */
export function SaleTitleLink({ sale }: { sale: Pick<Sale, 'id' | 'title'> }) {
  const go = useConsole((state) => state.go)
  return (
    <button
      type="button"
      className="link strong"
      onClick={() => go({ screen: 'sale', saleId: sale.id })}
    >
      {sale.title}
    </button>
  )
}
