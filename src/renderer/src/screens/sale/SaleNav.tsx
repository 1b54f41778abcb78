// A sale's own screens as tabs under its title: the catalogue, the bidder register (staff
// and the sale's seller) and the results (staff; a seller reads their own statement).
import type { Sale } from '../../../../shared/domain'
import { useConsole } from '../../context'
import { isStaffOrSeller } from '../../lib/access'
import type { Route } from '../../store'

type Section = 'sale' | 'register' | 'results'

export function SaleNav(props: { sale: Sale; current: Section }) {
  const { sale } = props
  const profile = useConsole((state) => state.profile)
  const go = useConsole((state) => state.go)
  const staff = profile?.role === 'staff'
  const links: { section: Section; label: string; route: Route }[] = [
    { section: 'sale', label: 'Catalogue', route: { screen: 'sale', saleId: sale.id } },
  ]
  if (isStaffOrSeller(profile, sale.sellerId)) {
    links.push({
      section: 'register',
      label: 'Register',
      route: { screen: 'register', saleId: sale.id },
    })
  }
  if (staff) {
    links.push({
      section: 'results',
      label: 'Results',
      route: { screen: 'results', saleId: sale.id, tab: 'report' },
    })
  } else if (profile?.role === 'seller') {
    links.push({
      section: 'results',
      label: 'My statement',
      route: { screen: 'results', saleId: sale.id, tab: 'statements' },
    })
  }
  if (links.length < 2) return null
  return (
    <nav className="sale-nav" aria-label="Sale" data-testid="sale-nav">
      {links.map((link) => (
        <a
          key={link.section}
          href={`#${link.section}`}
          className="sale-nav__link"
          aria-current={props.current === link.section ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault()
            go(link.route)
          }}
        >
          {link.label}
        </a>
      ))}
    </nav>
  )
}
