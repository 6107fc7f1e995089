/**
 * Structured one-line logs. Callers pass only technical facts (ids, counts, error names):
 * names, NIPs, emails and request bodies are personal data and never go to the logs.
 */
type Level = 'info' | 'warn' | 'error';

export function log(level: Level, message: string, facts: Record<string, string | number | boolean | undefined> = {}): void {
  const safeFacts = Object.fromEntries(Object.entries(facts).map(([key, value]) => [key, typeof value === 'string' ? redact(value) : value]));
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...safeFacts });
  if (level === 'error') console.error(line);
  else if (process.env.JALIN_QUIET !== '1') console.log(line);
}

/**
 * A second line of defence for text we do not compose ourselves (error messages of libraries
 * may echo a key): emails and long digit runs such as NIPs are masked.
 */
export function redact(text: string): string {
  return text.replace(/[^\s@"'<>]+@[^\s@"'<>]+/g, '<email>').replace(/\d{8,}/g, '<digits>');
}
