import { requestOverhead } from './latency.ts';
import { startBenchEngine } from './support/engine.ts';
import { consoleSummary, markdownDetails } from './support/report.ts';
const engine = await startBenchEngine();
try {
  const s = await requestOverhead(engine, console.log);
  console.log(consoleSummary([s]));
  console.log(markdownDetails([s]));
} finally { await engine.stop(); }
