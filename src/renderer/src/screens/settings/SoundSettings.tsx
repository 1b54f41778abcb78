// The sound cue of a rejected bid: on by default, switched off here, kept on this machine.
import { useConsole } from '../../context'
import { playRejectCue } from '../../lib/sound'

export function SoundSettings() {
  const sound = useConsole((state) => state.sound)
  const setSound = useConsole((state) => state.setSound)
  return (
    <section className="panel" aria-labelledby="sound-title">
      <h2 id="sound-title">Sound</h2>
      <div className="field theme-field">
        <label className="choice">
          <input
            type="checkbox"
            checked={sound}
            onChange={(event) => setSound(event.target.checked)}
          />
          Beep when a bid is rejected
        </label>
        <button type="button" className="button button--quiet" onClick={playRejectCue}>
          Play the sound
        </button>
      </div>
    </section>
  )
}
