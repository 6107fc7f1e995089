import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { parseUserCommand, runUserCommand } from '../../infra/ops/users.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
afterEach(() => cognito.reset());
const pool = ['--pool', 'ap-southeast-3_AbC123'];
const client = () => new CognitoIdentityProviderClient({ region: 'ap-southeast-3' });

describe('npm run user', () => {
  it('adds an employee with a verified email, the NIP and the group', async () => {
    const command = parseUserCommand(['add', ...pool, '--email', 'Budi@Jakarta.go.id', '--group', 'employee', '--nip', '198609262015051001']);
    await runUserCommand(command, client());
    const [create] = cognito.commandCalls(AdminCreateUserCommand);
    expect(create!.args[0].input).toMatchObject({
      UserPoolId: 'ap-southeast-3_AbC123',
      Username: 'budi@jakarta.go.id',
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: 'budi@jakarta.go.id' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:nip', Value: '198609262015051001' },
      ],
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((call) => call.args[0].input.GroupName)).toEqual(['employee']);
  });

  it('adds staff to several groups, taking the pool from the environment', async () => {
    const command = parseUserCommand(['add', '--email', 'kerjasama@jakarta.go.id', '--group', 'agreements-admin', '--group', 'auditor'], { JALIN_USER_POOL_ID: 'ap-southeast-3_AbC123' });
    await runUserCommand(command, client());
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((call) => call.args[0].input.GroupName)).toEqual(['agreements-admin', 'auditor']);
  });

  it('removes a leaver: signed out everywhere and disabled first, deleted only when asked', async () => {
    await runUserCommand(parseUserCommand(['remove', ...pool, '--email', 'budi@jakarta.go.id']), client());
    expect(cognito.calls().map((call) => call.args[0].constructor.name)).toEqual(['AdminUserGlobalSignOutCommand', 'AdminDisableUserCommand']);
    cognito.reset();
    await runUserCommand(parseUserCommand(['remove', ...pool, '--email', 'budi@jakarta.go.id', '--delete']), client());
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)).toHaveLength(1);
    expect(cognito.commandCalls(AdminDisableUserCommand)).toHaveLength(1);
    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(1);
  });

  it('refuses what would make a broken account', () => {
    expect(() => parseUserCommand(['add', ...pool, '--email', 'x@jakarta.go.id', '--group', 'employee'])).toThrow(/--nip/);
    expect(() => parseUserCommand(['add', ...pool, '--email', 'x@jakarta.go.id', '--group', 'admin'])).toThrow(/unknown: admin/);
    expect(() => parseUserCommand(['add', ...pool, '--email', 'x@jakarta.go.id', '--group', 'employee', '--nip', '123'])).toThrow(/NIP/);
    expect(() => parseUserCommand(['add', '--email', 'x@jakarta.go.id', '--group', 'auditor'], {})).toThrow(/pool/);
    expect(() => parseUserCommand(['rename', ...pool, '--email', 'x@jakarta.go.id'])).toThrow(/npm run user/);
  });
});
