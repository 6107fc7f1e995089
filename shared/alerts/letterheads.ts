import { settings } from '../config.ts';
import type { Letterhead } from './letter.ts';

/** Agreement alerts are signed by the cooperation bureau, which keeps the registry; replies go to it. */
export function agreementsLetterhead(): Letterhead {
  const { AGREEMENTS_UNIT_NAME: unit, AGREEMENTS_UNIT_EMAIL: email, CONSOLE_URL: consoleUrl } = settings();
  return { unit, email, consoleUrl };
}

/** Training reminders and summaries are signed by BPSDM, which records training; replies go to it. */
export function trainingLetterhead(): Letterhead {
  const { TRAINING_UNIT_NAME: unit, TRAINING_UNIT_EMAIL: email, CONSOLE_URL: consoleUrl } = settings();
  return { unit, email, consoleUrl };
}
