import { Role, ServicePrincipal, ManagedPolicy } from 'aws-cdk-lib/aws-iam';
import { buildApp } from './infra/app.ts';
const { app, stack } = buildApp({ outdir: '/tmp/x/out2', bundling: false });
new Role(stack, 'Bad', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')] });
try { app.synth(); console.log('ok'); } catch (e) { console.log('THROWN', String((e as Error).message).slice(0, 3000)); }
