import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineAnswers, freePort, startDynamoDbLocal, type LocalEngine } from './dynamodb.ts';

/**
 * The local data folder (`.jalin/dynamodb`, or `$JALIN_DATA_DIR/dynamodb`) is opened by one
 * DynamoDB Local at a time: two engines on one folder corrupt each other's files. Whoever starts
 * the engine on it (`npm start`, or `npm run job`/`seed-demo` when none runs) writes
 * `.jalin/dynamodb-engine.json` naming its port; the other commands read it to find the engine,
 * whatever `--dynamodb-port` it was started with.
 */
export interface EngineRecord {
  port: number;
  /** The Node process that started it (its Java child dies with it). */
  pid: number;
  command: string;
  startedAt: string;
}

export const dataDir = () => process.env.JALIN_DATA_DIR ?? '.jalin';
export const dataFolder = () => join(dataDir(), 'dynamodb');
const recordFile = () => join(dataDir(), 'dynamodb-engine.json');
export const endpointOf = (port: number) => `http://127.0.0.1:${port}`;

export class DataFolderHeldError extends Error {
  constructor(readonly holder: EngineRecord) {
    super(`${dataFolder()} is held by the DynamoDB Local of \`${holder.command}\` (pid ${holder.pid}) on port ${holder.port}: stop it first, or use --in-memory.`);
    this.name = 'DataFolderHeldError';
  }
}

/** The engine that holds the data folder, if one still runs (a record left by a dead process is removed). */
export async function runningDataEngine(): Promise<EngineRecord | undefined> {
  let record: EngineRecord;
  try {
    record = JSON.parse(readFileSync(recordFile(), 'utf8')) as EngineRecord;
  } catch {
    return undefined;
  }
  // The engine answers, or its owner is still alive (starting up, or between requests).
  if ((await engineAnswers(endpointOf(record.port))) || isAlive(record.pid)) return record;
  rmSync(recordFile(), { force: true });
  return undefined;
}

/** Starts DynamoDB Local on the data folder, refusing when another engine holds it. */
export async function holdDataFolder(port: number, command: string): Promise<LocalEngine> {
  const holder = await runningDataEngine();
  if (holder) throw new DataFolderHeldError(holder);
  mkdirSync(dataDir(), { recursive: true });
  const record: EngineRecord = { port, pid: process.pid, command, startedAt: new Date().toISOString() };
  try {
    // `wx`: of two commands starting at once, one writes the record and the other is refused.
    writeFileSync(recordFile(), JSON.stringify(record), { flag: 'wx' });
  } catch {
    throw new DataFolderHeldError((await runningDataEngine()) ?? record);
  }
  const file = recordFile();
  const release = () => rmSync(file, { force: true });
  process.once('exit', release);
  try {
    const engine = await startDynamoDbLocal({ port, dataDir: dataFolder() });
    return {
      endpoint: engine.endpoint,
      stop: async () => {
        await engine.stop();
        release();
        process.removeListener('exit', release);
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * For commands that work on the data of `npm start`: the engine given by `port`, else the one
 * that holds the data folder, else one of their own on the folder (stopped by `stop`).
 */
export async function useDataEngine(command: string, port: number | undefined): Promise<LocalEngine> {
  if (port !== undefined) {
    if (!(await engineAnswers(endpointOf(port)))) throw new Error(`No DynamoDB Local answers on port ${port}: start it (npm start -- --dynamodb-port ${port}) or leave --dynamodb-port out.`);
    return { endpoint: endpointOf(port), stop: async () => undefined };
  }
  const running = await runningDataEngine();
  if (running) return { endpoint: endpointOf(running.port), stop: async () => undefined };
  return holdDataFolder(await freePort(), command);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
