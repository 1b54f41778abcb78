// The sound cue of a rejected bid: two short low beeps, made with WebAudio (no file to
// load, nothing for the CSP to allow). A courtesy: where audio is missing it stays silent.
type AudioContextClass = typeof AudioContext

let context: AudioContext | null = null

function audio(): AudioContext | null {
  const Ctor = (globalThis as { AudioContext?: AudioContextClass }).AudioContext
  if (!Ctor) return null
  // One context for the console (browsers limit how many a page may open).
  if (!context || !(context instanceof Ctor)) context = new Ctor()
  return context
}

export function playRejectCue(): void {
  try {
    const ctx = audio()
    if (!ctx) return
    // Created or resumed after the clerk's key press, so autoplay rules allow it.
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined)
    const start = ctx.currentTime
    for (const offset of [0, 0.16]) {
      const tone = ctx.createOscillator()
      const gain = ctx.createGain()
      tone.type = 'square'
      tone.frequency.value = 220
      gain.gain.setValueAtTime(0.0001, start + offset)
      gain.gain.exponentialRampToValueAtTime(0.08, start + offset + 0.01)
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.12)
      tone.connect(gain)
      gain.connect(ctx.destination)
      tone.start(start + offset)
      tone.stop(start + offset + 0.13)
    }
  } catch {
    // No audio device, or audio refused: the colour and the icon still say it.
  }
}
