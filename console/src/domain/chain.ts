import { daysBetween } from '../../../shared/time/calendar.ts';

export interface Term {
  id: string;
  startsOn: string;
  endsOn: string;
}

export interface ChainStep<T extends Term> {
  term: T;
  /** Days without coverage between the previous term's end and this one's start (0 when contiguous). */
  gapBefore: number;
}

/** The renewal chain oldest first, with the gaps in coverage between consecutive terms. */
export function chainWithGaps<T extends Term>(terms: T[]): ChainStep<T>[] {
  const ordered = [...terms].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return ordered.map((term, index) => {
    const previous = ordered[index - 1];
    return { term, gapBefore: previous ? Math.max(0, daysBetween(previous.endsOn, term.startsOn) - 1) : 0 };
  });
}

/** Children ending after their parent: they need the parent renewed or their own end moved. */
export function outlivingChildren<T extends { endsOn: string }>(parent: { endsOn: string }, children: T[]): T[] {
  return children.filter((child) => child.endsOn > parent.endsOn);
}
