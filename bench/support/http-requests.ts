import type autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import type { TrainingInput } from '../../shared/training/schemas.ts';

/**
 * The HTTP side of a latency scenario as plain data, so that the load generator can build its
 * requests in a worker thread of its own (see http-load-worker.ts): functions do not cross threads.
 */
export type HttpRequestSpec =
  | { kind: 'get'; path: string; authorization?: string }
  /** Every request a new training (a repeat would be a 409), for the employees in turn. */
  | { kind: 'new-training'; authorization: string; nips: string[]; year: number };

export function trainingBody(title: string, year: number): TrainingInput {
  return { title: `Pelatihan Latensi ${title}`, provider: 'BPSDM Provinsi DKI Jakarta', method: 'CLASSICAL', startsOn: `${year}-03-02`, endsOn: `${year}-03-06`, hours: 8 };
}

export function autocannonRequest(spec: HttpRequestSpec): autocannon.Request {
  if (spec.kind === 'get') return { method: 'GET', path: spec.path, headers: spec.authorization ? { authorization: spec.authorization } : {} };
  // Titles unique across runs and sides: each load has its own prefix.
  const run = randomUUID();
  let posted = 0;
  return {
    method: 'POST',
    setupRequest: (request) => {
      posted += 1;
      return {
        ...request,
        path: `/employees/${spec.nips[posted % spec.nips.length]}/trainings`,
        headers: { authorization: spec.authorization, 'content-type': 'application/json' },
        body: JSON.stringify(trainingBody(`${run}-${posted}`, spec.year)),
      };
    },
  };
}
