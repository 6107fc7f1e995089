import { Validations } from 'aws-cdk-lib';
(Validations.prototype as any).acknowledge = function () {};
const { buildApp } = await import('./infra/app.ts');
const { app } = buildApp({ outdir: '/tmp/x/out3', bundling: false });
try { app.synth(); console.log('ok'); } catch (e) { console.log('THROWN'); }
