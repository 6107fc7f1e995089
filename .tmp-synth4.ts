const t0 = Date.now();
const { buildApp } = await import('./infra/app.ts');
const t1 = Date.now();
const { app } = buildApp({ outdir: '/tmp/x/out4', bundling: false });
const t2 = Date.now();
app.synth();
console.log('import', t1 - t0, 'build', t2 - t1, 'synth', Date.now() - t2);
