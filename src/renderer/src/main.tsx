// Renderer entry: one console per window/tab over whichever transport getApi() gives us
// (Electron IPC or the web mode's WebSocket); the UI never knows which.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { getApi } from './api'
import { App } from './App'
import { createConsole } from './boot'
import { ConsoleProvider } from './context'
import './styles/index.css'

const services = createConsole(getApi())
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <ConsoleProvider services={services}>
      <App />
    </ConsoleProvider>
  </StrictMode>,
)
