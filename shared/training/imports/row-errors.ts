import { messageIn, type FieldError } from '../../errors.ts';
import type { Language } from '../../i18n/messages.ts';

/**
 * Why a roster row was refused, in the reader's language: "hours must be…" after the column's
 * name, or a sentence of its own about the whole row ("baris ini bukan…").
 * Rows keep their errors with codes (stored as they are by background imports), so the words
 * are chosen when someone reads them: the import's answer, its rejected-rows file, the console.
 */
export function rowErrorText(error: FieldError, language: Language): string {
  const message = messageIn(error, language);
  return error.path ? `${error.path} ${message}` : message;
}

export const rowErrorsText = (errors: readonly FieldError[], language: Language): string[] => errors.map((error) => rowErrorText(error, language));
