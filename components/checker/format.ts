import { daysBetween, parseInstant, shanghaiDate, shanghaiDateTime } from '../../lib';

/** Whole days from `now` (Asia/Shanghai calendar) to a deadline date: 0 = closes today, negative = closed. */
export function daysLeft(now: string, date: string): number | null {
  const ms = parseInstant(now);
  return ms === null ? null : daysBetween(shanghaiDate(ms), date);
}

/** An ISO instant as a `datetime-local` value in Beijing time ("2026-11-18T10:59:07"). */
export function toLocalInput(iso: unknown): string {
  if (typeof iso !== 'string') return '';
  const ms = parseInstant(iso);
  if (ms === null) return '';
  return shanghaiDateTime(ms).slice(0, 19);
}

/** A `datetime-local` value read as Beijing time; null when empty or not a time. */
export function fromLocalInput(value: string): string | null {
  const m = value.match(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?/);
  if (!m) return null;
  const iso = `${m[1]}T${m[2]}:${m[3] ?? '00'}+08:00`;
  return parseInstant(iso) === null ? null : iso;
}

/** "2026-11-22T10:41:05.000Z" → "2026-11-22 18:41" (Beijing time). */
export function shortTime(iso: string): string {
  const ms = parseInstant(iso);
  return ms === null ? iso : shanghaiDateTime(ms).slice(0, 16).replace('T', ' ');
}

/** A free-text answer to a question the engine has no type for: yes/no and numbers become booleans and numbers. */
export function parseLooseAnswer(text: string): string | number | boolean | null {
  const v = text.trim();
  if (!v) return null;
  if (/^(是|有|对|yes|y|true)$/i.test(v)) return true;
  if (/^(否|没有|无|不是|no|n|false)$/i.test(v)) return false;
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}
