import * as compliance from './words/compliance.ts';
import * as core from './words/core.ts';
import * as employees from './words/employees.ts';
import * as insights from './words/insights.ts';
import * as programs from './words/programs.ts';
import * as records from './words/records.ts';
import * as training from './words/training.ts';

/**
 * The console's words, one file per area under words/ (so pages of different areas never
 * edit the same list). Bahasa Indonesia first; English has exactly the same keys (checked by
 * the types), and no key is defined by two areas (checked by test/unit/console-words.test.ts).
 */
export const areas = [core, training, compliance, employees, programs, insights, records] as const;

export const id = { ...core.id, ...training.id, ...compliance.id, ...employees.id, ...programs.id, ...insights.id, ...records.id };
export type MessageKey = keyof typeof id;
export const en: Record<MessageKey, string> = { ...core.en, ...training.en, ...compliance.en, ...employees.en, ...programs.en, ...insights.en, ...records.en };

/** Names of the API's enums, by language. */
export const enumLabels = {
  id: { ...core.enumLabels.id, ...training.enumLabels.id, ...compliance.enumLabels.id, ...employees.enumLabels.id, ...programs.enumLabels.id, ...insights.enumLabels.id, ...records.enumLabels.id },
  en: { ...core.enumLabels.en, ...training.enumLabels.en, ...compliance.enumLabels.en, ...employees.enumLabels.en, ...programs.enumLabels.en, ...insights.enumLabels.en, ...records.enumLabels.en },
} as const satisfies Record<'id' | 'en', Record<string, string>>;
