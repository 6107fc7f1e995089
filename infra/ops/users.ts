import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { groups, type Group } from '../../shared/http/auth.ts';
import { checkNip } from '../../shared/training/nip.ts';

/**
 * Staff accounts on AWS, for the administrator who runs them (README, "People"). Cognito has no
 * self sign-up here: this command creates the user with a verified email, the NIP an `employee`
 * token is bound to, and the groups; Cognito mails a temporary password (through Jalin's SES
 * identity once verified), and the first sign-in sets a new password and an authenticator app.
 * Removal signs the user out everywhere and disables the account at once; `--delete` also deletes
 * it (the audit trail keeps the `sub`, not the account).
 */
export type UserCommand =
  | { action: 'add'; poolId: string; email: string; groups: Group[]; nip?: string }
  | { action: 'remove'; poolId: string; email: string; delete: boolean };

export const usage = `npm run user -- add --pool <UserPoolId> --email <address> --group <group> [--group <group>] [--nip <NIP>]
npm run user -- remove --pool <UserPoolId> --email <address> [--delete]
  groups: ${groups.join(', ')}; --nip is required for the employee group.
  --pool defaults to $JALIN_USER_POOL_ID (the stack output UserPoolId).`;

export function parseUserCommand(argv: string[], env: Record<string, string | undefined> = process.env): UserCommand {
  const [action, ...rest] = argv;
  const values = (flag: string) => rest.flatMap((value, index) => (rest[index - 1] === `--${flag}` ? [value] : []));
  const one = (flag: string) => values(flag)[0];
  const poolId = one('pool') ?? env.JALIN_USER_POOL_ID;
  const email = one('email')?.trim().toLowerCase();
  if (!poolId || !/^[\w-]+_[0-9a-zA-Z]+$/.test(poolId)) throw new Error(`A user pool id is needed (--pool or JALIN_USER_POOL_ID).\n${usage}`);
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error(`An email address is needed (--email).\n${usage}`);
  if (action === 'remove') return { action, poolId, email, delete: rest.includes('--delete') };
  if (action !== 'add') throw new Error(usage);

  const wanted = values('group');
  const unknown = wanted.filter((group) => !(groups as readonly string[]).includes(group));
  if (wanted.length === 0 || unknown.length > 0) throw new Error(`Give at least one --group among ${groups.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}.`);
  const nip = one('nip');
  if (nip !== undefined) {
    const check = checkNip(nip);
    if (!check.valid) throw new Error(`--nip is not a valid NIP: ${check.problems.map((problem) => problem.message).join('; ')}.`);
  }
  if (wanted.includes('employee') && nip === undefined) throw new Error('The employee group reads its own records by NIP: give --nip.');
  return { action, poolId, email, groups: wanted as Group[], ...(nip ? { nip } : {}) };
}

/** Runs the command; the account is addressed by its email (the pool signs in with email). */
export async function runUserCommand(command: UserCommand, client = new CognitoIdentityProviderClient({ region: 'ap-southeast-3' })): Promise<string> {
  const user = { UserPoolId: command.poolId, Username: command.email };
  if (command.action === 'remove') {
    await client.send(new AdminUserGlobalSignOutCommand(user));
    await client.send(new AdminDisableUserCommand(user));
    if (command.delete) await client.send(new AdminDeleteUserCommand(user));
    return `${command.email}: signed out everywhere and disabled${command.delete ? ', then deleted' : ''}.`;
  }
  await client.send(
    new AdminCreateUserCommand({
      ...user,
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: command.email },
        { Name: 'email_verified', Value: 'true' },
        ...(command.nip ? [{ Name: 'custom:nip', Value: command.nip }] : []),
      ],
    }),
  );
  for (const group of command.groups) await client.send(new AdminAddUserToGroupCommand({ ...user, GroupName: group }));
  return `${command.email}: created in ${command.groups.join(', ')}; Cognito has mailed a temporary password (valid 3 days).`;
}
