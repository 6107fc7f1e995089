import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ConfigurationSet } from 'aws-cdk-lib/aws-ses';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolEmail,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { groups } from '../shared/http/auth.ts';

export interface AuthProps {
  /** Invitations and password resets go out through Jalin's SES identity and configuration set… */
  senderEmail: string;
  configurationSet: ConfigurationSet;
  /**
   * …once that identity is verified (its DKIM records published): Cognito refuses an unverified
   * one, so a stage's first deploy uses Cognito's own sender (50 emails a day) until then.
   */
  senderVerified: boolean;
  /** RETAIN in prod (the accounts outlive the stack); DESTROY where a stage is thrown away. */
  removalPolicy: RemovalPolicy;
}

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

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const retain = props.removalPolicy === RemovalPolicy.RETAIN;

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
      // Every account signs in with a password and an authenticator app (TOTP), set up at the
      // first sign-in. Cognito sets MFA per pool, not per group, and can make it required only
      // when the pool is created: required for all now, while there is no regional SSO.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      email: props.senderVerified
        ? UserPoolEmail.withSES({
            fromEmail: props.senderEmail,
            fromName: 'Jalin',
            sesRegion: Stack.of(this).region,
            sesVerifiedDomain: props.senderEmail.split('@')[1]!,
            configurationSetName: props.configurationSet.configurationSetName,
          })
        : UserPoolEmail.withCognito(),
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      // In prod the accounts outlive any one deployment of the stack; dev is destroyed whole.
      deletionProtection: retain,
      removalPolicy: props.removalPolicy,
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
        id: 'AwsSolutions-COG8',
        reason:
          'The Essentials plan is enough for administrator-created accounts with no self sign-up; Plus (threat protection) is priced per active user and becomes moot once sign-in moves to the regional SSO.',
      },
    );
  }
}
