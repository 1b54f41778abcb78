// Renderer entry: one console per window/tab over whichever transport getApi() gives us
// (Electron IPC or the web mode's WebSocket); the UI never knows which. A room display
// address (`#/display/<saleId>`) starts the read-only display instead.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { getApi } from './api'
import { App } from './App'
import { createConsole, createDisplay } from './boot'
import { ConsoleProvider } from './context'
import { displaySaleOf } from './lib/displayRoute'
import { RoomDisplay } from './screens/RoomDisplay'
import './styles/index.css'

const displaySale = displaySaleOf(location.hash)
const services = displaySale ? createDisplay(getApi()) : createConsole(getApi())
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <ConsoleProvider services={services}>
      {displaySale ? <RoomDisplay saleId={displaySale} /> : <App />}
    </ConsoleProvider>
  </StrictMode>,
)
