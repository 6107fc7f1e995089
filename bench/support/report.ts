import { markdownTable, textTable } from './format.ts';

/** One line of the results: a measured value, with its target when the issue sets one. */
export interface Figure {
  figure: string;
  /** A ratio measured in the same run, with the absolute numbers beside it. */
  value: string;
  /** `—` when the figure is reported for context only. */
  target: string;
  /** `undefined` for context-only figures. */
  pass?: boolean;
}

/** What one benchmark hands back: its summary lines and Markdown details for RESULTS.md. */
export interface Section {
  title: string;
  figures: Figure[];
  details: string[];
}

const verdict = (pass: boolean | undefined) => (pass === undefined ? '' : pass ? 'pass' : 'FAIL');

export function figure(name: string, value: string, target = '—', pass?: boolean): Figure {
  return { figure: name, value, target, ...(pass === undefined ? {} : { pass }) };
}

const header = ['Figure', 'Value', 'Target', 'Result'];
const rowsOf = (section: Section) => section.figures.map((line) => [line.figure, line.value, line.target, verdict(line.pass)]);

export function consoleSummary(sections: Section[]): string {
  return sections.map((section) => `\n${section.title}\n${textTable(header, rowsOf(section))}`).join('\n');
}

export function markdownSummary(sections: Section[]): string {
  return sections.map((section) => `### ${section.title}\n\n${markdownTable(header, rowsOf(section))}`).join('\n\n');
}

export function markdownDetails(sections: Section[]): string {
  return sections
    .filter((section) => section.details.length)
    .map((section) => `### ${section.title}\n\n${section.details.join('\n\n')}`)
    .join('\n\n');
}

export function failures(sections: Section[]): Figure[] {
  return sections.flatMap((section) => section.figures.filter((line) => line.pass === false));
}
