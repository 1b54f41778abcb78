// A password never comes as a flag (shell history, `ps`): one line from stdin with
// --password-stdin, or typed at a terminal without echo.
import { UsageError } from './output'

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Reads one line at the terminal with echo off; Ctrl-C or Ctrl-D gives up. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin
  process.stderr.write(question)
  stdin.setRawMode(true)
  stdin.resume()
  stdin.setEncoding('utf8')
  return new Promise((resolve, reject) => {
    let typed = ''
    const done = (error?: Error): void => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
      if (error) reject(error)
      else resolve(typed)
    }
    const onData = (text: string): void => {
      for (const char of text) {
        if (char === '\r' || char === '\n') return done()
        if (char === '\u0003' || char === '\u0004')
          return done(new UsageError('no password typed', 'password'))
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('')
        else typed += char
      }
    }
    stdin.on('data', onData)
  })
}

/** The password for `operator add` and `operator passwd`. */
export async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    const text = (await readStdin()).replace(/\r?\n$/, '')
    if (text.includes('\n')) throw new UsageError('password: one line on stdin', 'password')
    return text
  }
  if (!process.stdin.isTTY) {
    throw new UsageError('give --password-stdin (a password is never a flag)', 'password-stdin')
  }
  const first = await promptHidden('Password: ')
  const again = await promptHidden('Password again: ')
  if (first !== again) throw new UsageError('password: the two entries differ', 'password')
  return first
}
