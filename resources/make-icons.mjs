// Draws the app icon (a gavel on a rounded tile) and writes PNGs with Node's zlib only:
// resources/icon.png (512) for electron-builder, resources/icons/<size>x<size>.png for Linux.
// Run: node resources/make-icons.mjs
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes) => {
  let c = 0xffffffff
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}
const png = (size, rgba) => {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA
  const rows = Buffer.alloc((size * 4 + 1) * size)
  for (let y = 0; y < size; y++)
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// Signed distances in a unit square (0..1), negative inside.
const roundedBox = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r
  const qy = Math.abs(y - cy) - hh + r
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
}
const rotate = (x, y, cx, cy, angle) => {
  const s = Math.sin(angle)
  const c = Math.cos(angle)
  return [cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c]
}

function draw(size) {
  const rgba = Buffer.alloc(size * size * 4)
  const aa = 1.2 / size
  const cover = (d) => Math.min(1, Math.max(0, 0.5 - d / aa))
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size
      const y = (py + 0.5) / size
      // Tile: deep navy, lighter toward the top.
      const tile = cover(roundedBox(x, y, 0.5, 0.5, 0.46, 0.46, 0.1))
      let r = 22 + 20 * (1 - y)
      let g = 38 + 30 * (1 - y)
      let b = 74 + 50 * (1 - y)
      // Gavel, tilted 40 degrees: a head and a handle, in warm gold.
      const [gx, gy] = rotate(x, y, 0.46, 0.44, -0.7)
      const head = roundedBox(gx, gy, 0.46, 0.34, 0.2, 0.085, 0.03)
      const handle = roundedBox(gx, gy, 0.46, 0.58, 0.035, 0.2, 0.03)
      const gavel = cover(Math.min(head, handle))
      // Sound block under the gavel.
      const block = cover(roundedBox(x, y, 0.62, 0.8, 0.2, 0.05, 0.02))
      const gold = [240, 184, 72]
      const light = [226, 232, 240]
      for (const [amount, colour] of [
        [block, light],
        [gavel, gold],
      ]) {
        r = r * (1 - amount) + colour[0] * amount
        g = g * (1 - amount) + colour[1] * amount
        b = b * (1 - amount) + colour[2] * amount
      }
      const i = (py * size + px) * 4
      rgba[i] = Math.round(r)
      rgba[i + 1] = Math.round(g)
      rgba[i + 2] = Math.round(b)
      rgba[i + 3] = Math.round(255 * tile)
    }
  }
  return png(size, rgba)
}

const root = new URL('./', import.meta.url)
writeFileSync(new URL('icon.png', root), draw(512))
for (const size of [512, 256, 128, 64, 32, 16]) {
  writeFileSync(new URL(`icons/${size}x${size}.png`, root), draw(size))
}
console.log('icons written')
