import { parseInstant, shanghaiDateTime } from '../../lib/time/zone';

/** `<input type="datetime-local">` value (Beijing wall time) → ISO instant with +08:00. */
export function fromLocalInput(value: string): string | null {
  // Browsers drop zero seconds ("…T09:00") and some add milliseconds ("…T09:00:00.000").
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d{1,3})?$/.exec(value);
  if (!m) return null;
  const ms = parseInstant(`${m[1]}${m[2] ?? ':00'}${m[3] ?? ''}+08:00`);
  return ms === null ? null : shanghaiDateTime(ms);
}

/** ISO instant → the `datetime-local` value in Beijing wall time (seconds kept). */
export function toLocalInput(iso: string): string {
  const ms = parseInstant(iso);
  return ms === null ? '' : shanghaiDateTime(ms).slice(0, 19);
}

/** `2026-10-14T09:00:00+08:00` → `2026-10-14 09:00:00`. */
export function showTime(iso: string): string {
  const ms = parseInstant(iso);
  return ms === null ? iso : shanghaiDateTime(ms).slice(0, 19).replace('T', ' ');
}
