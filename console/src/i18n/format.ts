export type Language = 'id' | 'en';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** Calendar dates (YYYY-MM-DD, Jakarta) as people write them: "27 Januari 2031". */
export function formatDate(date: string, language: Language, style: 'long' | 'short' = 'long'): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: style === 'long' ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, day),
  );
}

/** Timestamps (ISO, UTC) shown in Jakarta time. */
export function formatTimestamp(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(iso));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Numbers as Indonesians write them (1.234,5). Formatters are kept: building one costs far more than formatting (long lists). */
export function formatNumber(value: number, language: Language, options: Intl.NumberFormatOptions = {}): string {
  const key = `${language}${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locales[language], options)));
  return format.format(value);
}

export function monthName(year: number, month: number, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}

export function weekdayNames(language: Language): string[] {
  // 2024-01-01 was a Monday: the week starts on Monday in Indonesia.
  return Array.from({ length: 7 }, (_, index) => new Intl.DateTimeFormat(locales[language], { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + index)));
}
