export type Language = 'id' | 'en';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * Building an Intl formatter costs far more than formatting with it (a list of 25 rows spent more
 * time building them than rendering, bench/console.ts): one per language and options, kept.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = formatters.get(key) as T | undefined;
  if (!format) formatters.set(key, (format = make()));
  return format;
}
const dateFormat = (language: Language, options: Intl.DateTimeFormatOptions) =>
  cached(`date ${language} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locales[language], options));
const numberFormat = (language: Language, options: Intl.NumberFormatOptions) =>
  cached(`number ${language} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(locales[language], options));

/** Calendar dates (YYYY-MM-DD, Jakarta) as people write them: "27 Januari 2031". */
export function formatDate(date: string, language: Language, style: 'long' | 'short' = 'long'): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return dateFormat(language, { day: 'numeric', month: style === 'long' ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, day),
  );
}

/** Timestamps (ISO, UTC) shown in Jakarta time. */
export function formatTimestamp(iso: string, language: Language): string {
  return dateFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(iso));
}

/** Numbers as Indonesians write them (1.234,5). */
export function formatNumber(value: number, language: Language, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(language, options).format(value);
}

export function monthName(year: number, month: number, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}

export function weekdayNames(language: Language): string[] {
  // 2024-01-01 was a Monday: the week starts on Monday in Indonesia.
  return Array.from({ length: 7 }, (_, index) => new Intl.DateTimeFormat(locales[language], { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + index)));
}
