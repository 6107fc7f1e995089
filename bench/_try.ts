import { coldStart } from './cold-start.ts';
import { consoleSummary, markdownDetails } from './support/report.ts';
const s = await coldStart(console.log);
console.log(consoleSummary([s]));
console.log(markdownDetails([s]));
