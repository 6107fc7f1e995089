import type { Program } from '../api/programs.ts';

/** A program form as typed: text everywhere, the length in the unit the person picked. */
export interface ProgramDraft {
  title: string;
  provider: string;
  method: Program['method'];
  startsOn: string;
  endsOn: string;
  lengthUnit: Program['lengthUnit'];
  length: string;
  agreementId: string;
  cohort: string;
}

export const emptyProgramDraft: ProgramDraft = { title: '', provider: 'BPSDM Provinsi DKI Jakarta', method: 'CLASSICAL', startsOn: '', endsOn: '', lengthUnit: 'JP', length: '', agreementId: '', cohort: '' };

export function programDraftOf(program: Program): ProgramDraft {
  return {
    title: program.title,
    provider: program.provider,
    method: program.method,
    startsOn: program.startsOn,
    endsOn: program.endsOn,
    lengthUnit: program.lengthUnit,
    length: String(program.lengthUnit === 'JP' ? program.jp : program.hours),
    agreementId: program.agreementId ?? '',
    cohort: program.cohort ?? '',
  };
}

/** The body the API takes (POST and PUT alike): the length as `hours` or `jp`, empty optional fields left out. */
export function programBodyOf(draft: ProgramDraft): Record<string, unknown> {
  const length = draft.length.trim() === '' ? undefined : Number(draft.length.trim().replace(',', '.'));
  return {
    title: draft.title,
    provider: draft.provider,
    method: draft.method,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    ...(length === undefined ? {} : draft.lengthUnit === 'JP' ? { jp: length } : { hours: length }),
    ...(draft.agreementId.trim() ? { agreementId: draft.agreementId.trim() } : {}),
    ...(draft.cohort.trim() ? { cohort: draft.cohort } : {}),
  };
}
