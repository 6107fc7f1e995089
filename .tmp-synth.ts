import { buildApp } from './infra/app.ts';
const { app } = buildApp({ outdir: '/tmp/x/out', bundling: false });
try { app.synth(); console.log('ok'); } catch (e) { console.log(String((e as Error).message).slice(0, 6000)); }
