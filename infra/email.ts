import { CfnOutput, Duration, Stack, type RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  DkimIdentity,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueue } from './dead-letters.ts';
import { ApiFunction, bindTable } from './lambda.ts';

export interface EmailProps {
  table: ITableV2;
  senderEmail: string;
  recipientDomains: string[];
  /** SES's maximum send rate for the account (messages/s). */
  sesSendRate: number;
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
}


/** The email functions' entries under functions/ (also bundled by the cold-start benchmark). */
export const emailFunctionEntries = { events: 'email/ses-events', sender: 'email/send-queued' } as const;

/** How many queue consumers send at once (SQS event sources need at least 2); they share the send rate. */
const SENDERS = 2;

/**
 * Email that keeps its reputation: the sender's domain as an SES identity signed with Easy DKIM,
 * one configuration set applied to every message (TLS required, reputation metrics, bounces and
 * complaints put the address on the suppression list), and its bounce, complaint and reject
 * events sent to a function that records them on the alert concerned. Large runs fan out through
 * a queue whose consumers send at SES's rate.
 */
export class Email extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly sender: ApiFunction;
  readonly events: ApiFunction;
  readonly eventsRule: Rule;
  private readonly props: EmailProps;

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    this.props = props;
    const senderDomain = props.senderEmail.split('@')[1]!;
    const functionDefaults = { logRetention: props.logRetention, logRemovalPolicy: props.logRemovalPolicy };

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    this.identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(senderDomain),
      dkimIdentity: DkimIdentity.easyDkim(),
      dkimSigning: true,
      configurationSet: this.configurationSet,
    });
    // The domain's DNS (outside AWS for jakarta.go.id) must publish these CNAMEs before SES verifies it.
    this.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, { key: `DkimRecord${index + 1}`, value: `${record.name} CNAME ${record.value}` });
    });

    this.events = new ApiFunction(this, 'SesEvents', {
      ...functionDefaults,
      handler: emailFunctionEntries.events,
      description: 'SES bounce, complaint and reject events: recorded on the alert concerned',
    });
    // recordDeliveryProblem (shared/alerts/ledger.ts): read the alert, then a conditional update.
    bindTable(this.events.function, props.table, ['GetItem', 'UpdateItem']);
    this.configurationSet.addEventDestination('ToEventBridge', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT],
    });

    this.deadLetters = deadLetterQueue(this, 'the email queue and of the SES event rule');

    this.eventsRule = new Rule(this, 'SesEventsRule', {
      description: 'Bounces, complaints and rejects of Jalin email',
      eventPattern: {
        source: ['aws.ses'],
        detailType: ['Email Bounced', 'Email Complaint Received', 'Email Rejected'],
        detail: { mail: { tags: { 'ses:configuration-set': [this.configurationSet.configurationSetName] } } },
      },
      targets: [new LambdaFunction(this.events.function, { deadLetterQueue: this.deadLetters, retryAttempts: 4 })],
    });

    this.sender = new ApiFunction(this, 'Sender', {
      ...functionDefaults,
      handler: emailFunctionEntries.sender,
      description: 'Sends the queued alerts of large runs at the SES send rate',
      timeoutSeconds: 60,
      // Exactly as many as the event source polls with: the senders share the SES rate between them.
      reservedConcurrency: SENDERS,
      environment: { SES_SEND_RATE: String(props.sesSendRate), EMAIL_SENDERS: String(SENDERS) },
    });
    // deliver (shared/alerts/deliver.ts): the ledger's claim and its outcome, both conditional updates.
    bindTable(this.sender.function, props.table, ['UpdateItem']);
    this.grantSend(this.sender);

    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the consumer's timeout, as AWS advises for Lambda event sources.
      visibilityTimeout: Duration.minutes(6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: 3 },
    });
    this.sender.function.addEventSource(
      new SqsEventSource(this.queue, { batchSize: 10, maxConcurrency: SENDERS, reportBatchItemFailures: true }),
    );
  }

  /**
   * Lets a function send as the configured sender only, through the identity and configuration
   * set, to the stage's recipient domains only (also checked in code before SES is called), and
   * gives it the settings shared/email/mailer.ts reads.
   */
  grantSend(fn: ApiFunction): void {
    const { region, account, partition } = Stack.of(this);
    const ses = (resource: string) => `arn:${partition}:ses:${region}:${account}:${resource}`;
    fn.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        // The address's own identity, should one be verified too (SES then authorizes against it).
        resources: [
          ses(`identity/${this.identity.emailIdentityName}`),
          ses(`identity/${this.props.senderEmail}`),
          ses(`configuration-set/${this.configurationSet.configurationSetName}`),
        ],
        conditions: {
          StringEquals: { 'ses:FromAddress': this.props.senderEmail },
          'ForAllValues:StringLike': { 'ses:Recipients': this.props.recipientDomains.flatMap((domain) => [`*@${domain}`, `*@*.${domain}`]) },
        },
      }),
    );
    fn.function.addEnvironment('ALERT_SENDER', this.props.senderEmail);
    fn.function.addEnvironment('SES_CONFIGURATION_SET', this.configurationSet.configurationSetName);
    fn.function.addEnvironment('RECIPIENT_DOMAINS', this.props.recipientDomains.join(','));
  }

  /** Lets a job put alerts on the email queue (runs that fan out). */
  grantEnqueue(fn: ApiFunction): void {
    this.queue.grantSendMessages(fn.function);
    fn.function.addEnvironment('EMAIL_QUEUE_URL', this.queue.queueUrl);
  }
}
