/**
 * Structured one-line logs. Callers pass only technical facts (ids, counts, error names):
 * names, NIPs, emails and request bodies are personal data and never go to the logs.
 */
type Level = 'info' | 'warn' | 'error';

export function log(level: Level, message: string, facts: Record<string, string | number | boolean | undefined> = {}): void {
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...facts });
  if (level === 'error') console.error(line);
  else if (process.env.JALIN_QUIET !== '1') console.log(line);
}
