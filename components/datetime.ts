import { parseInstant, shanghaiDateTime } from '../lib/time/zone';

// Times in forms and lists are Beijing wall time; values stay ISO instants with +08:00.

/** A `<input type="datetime-local">` value read as Beijing time → ISO instant; null when empty or not a time. */
export function fromLocalInput(value: string): string | null {
  // Browsers drop zero seconds ("…T09:00") and some add milliseconds ("…T09:00:00.000").
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d{1,3})?$/.exec(value);
  if (!m) return null;
  const ms = parseInstant(`${m[1]}${m[2] ?? ':00'}${m[3] ?? ''}+08:00`);
  return ms === null ? null : shanghaiDateTime(ms);
}

/** An ISO instant as a `datetime-local` value in Beijing time ("2026-11-18T10:59:07"); '' when not a time. */
export function toLocalInput(iso: unknown): string {
  const ms = typeof iso === 'string' ? parseInstant(iso) : null;
  return ms === null ? '' : shanghaiDateTime(ms).slice(0, 19);
}

/** An ISO instant shown in Beijing time: "2026-11-22 18:41", or with seconds "2026-11-22 18:41:05". */
export function displayTime(iso: string, seconds = false): string {
  const ms = parseInstant(iso);
  return ms === null
    ? iso
    : shanghaiDateTime(ms)
        .slice(0, seconds ? 19 : 16)
        .replace('T', ' ');
}
