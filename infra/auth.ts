import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { groups } from '../shared/http/auth.ts';

/**
 * Who may call the API: a Cognito user pool whose groups are the route table's groups, and one
 * public client for the SPA and the CLI. API Gateway's JWT authorizer verifies the tokens
 * (`issuer`, `audience`); the functions read `cognito:groups` and `custom:nip` from the claims
 * (shared/http/auth.ts).
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** The `iss` of the pool's tokens: https://cognito-idp.<region>.amazonaws.com/<poolId>. */
  readonly issuer: string;
  /** What the authorizer accepts as `aud` (ID tokens) or `client_id` (access tokens). */
  readonly audience: string[];

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts are for civil servants, created by the agency's administrators.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      // An employee's NIP bounds what an `employee` token may read. Mutable so that an
      // administrator can correct it; the client below cannot write it. No length limits:
      // Cognito never lets an attribute's definition change, so the format is checked by the app.
      customAttributes: { nip: new StringAttribute({ mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Users who want a second factor can add an authenticator app; see the COG2 note below.
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      // The accounts outlive any one deployment of the stack.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const group of groups) {
      this.userPool.addGroup(`Group-${group}`, { groupName: group });
    }

    this.client = this.userPool.addClient('Client', {
      // A browser app and a CLI cannot keep a secret.
      generateSecret: false,
      // SRP: the password never leaves the device.
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      // Without this, a user could rewrite their own `custom:nip` with UpdateUserAttributes and
      // read someone else's training records. Only administrators (admin APIs) set the NIP.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
    this.audience = [this.client.userPoolClientId];

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional (TOTP) rather than required: the users are civil servants who will sign in through the regional government SSO, which enforces its own second factor; until then administrators create every account and can require MFA per user.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Essentials plan is enough for administrator-created accounts with no self sign-up; Plus (threat protection) is priced per active user and becomes moot once sign-in moves to the regional SSO.',
      },
    );
  }
}
