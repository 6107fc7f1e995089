import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** The deploy workflow cannot run here: its shape is checked instead (GitHub reads it the same way). */
const source = readFileSync(new URL('../../.github/workflows/deploy.yml', import.meta.url), 'utf8');
const workflow = parse(source) as {
  on: Record<string, any>;
  permissions: Record<string, string>;
  jobs: Record<string, { needs?: string | string[]; if?: string; environment?: string; permissions?: Record<string, string>; steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
};
const runs = (job: string) => workflow.jobs[job]!.steps.map((step) => step.run ?? '').join('\n');

describe('the deploy workflow', () => {
  it('tests every pull request and push to main', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('pull_request');
    expect(runs('test')).toMatch(/npm ci[\s\S]*npm test/);
  });

  it('on main: dev after the tests, then a prod diff, then prod behind the environment\'s approval', () => {
    expect(workflow.jobs.dev).toMatchObject({ needs: 'test', environment: 'dev', if: "github.ref == 'refs/heads/main'" });
    expect(runs('dev')).toMatch(/cdk synth[\s\S]*cdk diff[\s\S]*cdk deploy/);
    expect(workflow.jobs['prod-plan']).toMatchObject({ needs: 'dev' });
    expect(runs('prod-plan')).toMatch(/cdk synth[\s\S]*-c stage=prod[\s\S]*cdk diff/);
    expect(workflow.jobs.prod).toMatchObject({ needs: 'prod-plan', environment: 'prod' });
    expect(runs('prod')).toContain('cdk deploy --app cdk.out.prod');
  });

  it('reaches AWS through OIDC roles only: no stored keys, id-token only where AWS is used', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(source).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY|secrets\./);
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const assumes = job.steps.filter((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials'));
      expect(job.permissions?.['id-token'] === 'write', name).toBe(assumes.length > 0);
      for (const step of assumes) expect(step.with, name).toMatchObject({ 'role-to-assume': expect.stringMatching(/^\$\{\{ vars\.AWS_\w+_ROLE_ARN \}\}$/), 'aws-region': 'ap-southeast-3' });
    }
  });

  it('passes every setting prod requires (infra/stages.ts) to its synthesis', () => {
    for (const key of ['account', 'senderEmail', 'alarmEmails', 'allowedOrigins', 'recipientDomains', 'trainingAdminEmails']) {
      expect(runs('prod-plan'), key).toContain(`-c ${key}=`);
    }
  });
});
