import { daysBetween, parseInstant, shanghaiDate } from '../../lib/time';

/** Whole days from `now` (Asia/Shanghai calendar) to a deadline date: 0 = closes today, negative = closed. */
export function daysLeft(now: string, date: string): number | null {
  const ms = parseInstant(now);
  return ms === null ? null : daysBetween(shanghaiDate(ms), date);
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
