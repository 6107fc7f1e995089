import type { Language } from './messages.ts';

/**
 * The caller's language from `Accept-Language` (RFC 9110 §12.5.4): Indonesian when the caller
 * prefers it to English, English otherwise (and when the header is absent or unreadable).
 * Ranges are matched by prefix (`id-ID` is Indonesian, `en-GB` English); `*` stands for any
 * language not named; `q=0` refuses one. At equal weight the range written first wins, as
 * browsers list the preferred one first.
 */
export function preferredLanguage(header: string | undefined): Language {
  if (!header) return 'en';
  const weight: Record<Language | '*', { q: number; at: number } | undefined> = { id: undefined, en: undefined, '*': undefined };
  header.split(',').forEach((part, at) => {
    const [range = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const tag = range === '*' ? '*' : range.split('-')[0];
    if (tag !== 'id' && tag !== 'en' && tag !== '*') return;
    const qParameter = parameters.find((parameter) => parameter.startsWith('q='));
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
    if (!Number.isFinite(q) || q < 0 || q > 1) return;
    // A more specific range (`id-ID`) and a plain one (`id`) both name Indonesian: the best counts.
    const known = weight[tag];
    if (!known || q > known.q) weight[tag] = { q, at };
  });
  const id = weight.id ?? weight['*'];
  const en = weight.en ?? weight['*'];
  if (!id || id.q === 0) return 'en';
  if (!en || en.q === 0) return 'id';
  return id.q > en.q || (id.q === en.q && id.at < en.at) ? 'id' : 'en';
}
