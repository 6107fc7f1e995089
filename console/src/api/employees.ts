import { allPages, api, unwrap, withEtag } from './client.ts';
import type { operations } from './schema';

type Ok<Operation extends keyof operations> = operations[Operation]['responses'] extends { 200: { content: { 'application/json': infer Body } } } ? Body : never;
export type Employee = Ok<'getEmployee'>;
export type Training = Ok<'listTrainings'>['items'][number];
export type TrainingSummary = Ok<'trainingSummary'>;
export type EmployeePage = Ok<'listEmployees'>;

/**
 * Query keys of personal data, all under `employees`: one invalidation after a write refreshes
 * the profile, the records and the summary together (and sign-out clears the whole cache anyway).
 */
export const employeeKeys = {
  all: ['employees'] as const,
  one: (nip: string) => ['employees', nip] as const,
  trainings: (nip: string, year: number) => ['employees', nip, 'trainings', year] as const,
  summary: (nip: string, year: number) => ['employees', nip, 'summary', year] as const,
  search: (name: string, unit: string, cursor?: string) => ['employees', 'search', name, unit, cursor ?? ''] as const,
};

export function getEmployee(nip: string) {
  return withEtag(api().GET('/employees/{nip}', { params: { path: { nip } } }));
}

/** Turns the employee's training-hour reminder emails off (`remind: false`) or on again. */
export function setReminders(nip: string, remind: boolean) {
  return withEtag(api().PUT('/employees/{nip}/reminders', { params: { path: { nip } }, body: { remind } }));
}

/** A page of employees with a word of the name starting with `name` (case and accents aside), within `unit` when given. */
export function searchEmployees(name: string, unit: string, cursor?: string): Promise<EmployeePage> {
  return unwrap(api().GET('/employees', { params: { query: { name, limit: 25, ...(unit ? { unit } : {}), ...(cursor ? { cursor } : {}) } } }));
}

/** Every record of the year (a person has a handful; pages of 100, bounded). */
export function trainingsOf(nip: string, year: number): Promise<Training[]> {
  return allPages((cursor) => unwrap(api().GET('/employees/{nip}/trainings', { params: { path: { nip }, query: { year, limit: 100, ...(cursor ? { cursor } : {}) } } })));
}

export function summaryOf(nip: string, year: number): Promise<TrainingSummary> {
  return unwrap(api().GET('/employees/{nip}/training-summary', { params: { path: { nip }, query: { year } } }));
}

/** The units known to the year's compliance summary, for the search's unit filter (pages of 100 units). */
export async function unitNames(year: number): Promise<string[]> {
  const units = await allPages((cursor) => unwrap(api().GET('/compliance/summary', { params: { query: { year, limit: 100, ...(cursor ? { cursor } : {}) } } })));
  return units.map((unit) => unit.unit).sort((a, b) => a.localeCompare(b, 'id'));
}
