import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PermanentSendError } from '../../shared/email/message.ts';
import { assertAllowedRecipients, inAllowedDomain } from '../../shared/email/recipients.ts';
import { alertIdFromTag, alertTagValue, sesMailer } from '../../shared/email/ses.ts';

describe('recipient domains', () => {
  it('accepts the domain and its subdomains, case-insensitively, and nothing that merely ends the same', () => {
    expect(inAllowedDomain('a@jakarta.go.id', ['jakarta.go.id'])).toBe(true);
    expect(inAllowedDomain('a@BPSDM.Jakarta.go.id', ['jakarta.go.id'])).toBe(true);
    expect(inAllowedDomain('a@notjakarta.go.id', ['jakarta.go.id'])).toBe(false);
    expect(inAllowedDomain('a@jakarta.go.id.evil.com', ['jakarta.go.id'])).toBe(false);
  });

  it('refuses a message with any recipient outside, permanently, counting without naming them', () => {
    expect(() => assertAllowedRecipients(['a@jakarta.go.id', 'b@gmail.com'], ['jakarta.go.id'])).toThrow(PermanentSendError);
    expect(() => assertAllowedRecipients(['a@jakarta.go.id', 'b@gmail.com'], ['jakarta.go.id'])).toThrow('RecipientDomainNotAllowed: 1 of 2 recipients');
    expect(() => assertAllowedRecipients(['b@gmail.com'], [])).not.toThrow();
  });
});

describe('the alert tag on SES messages', () => {
  it('round-trips any alert id in the characters SES allows', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 150 }), (id) => {
        const tag = alertTagValue(id)!;
        expect(tag).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(alertIdFromTag(tag)).toBe(id);
      }),
    );
  });

  it('is left off when the id would not fit in 256 characters', () => {
    expect(alertTagValue('x'.repeat(300))).toBeUndefined();
  });
});

describe('every SES send', () => {
  it('names the configuration set and tags the message with its alert', async () => {
    const ses = mockClient(SESv2Client);
    ses.on(SendEmailCommand).resolves({ MessageId: '1' });
    const mailer = sesMailer('jalin@jakarta.go.id', new SESv2Client({ region: 'ap-southeast-3' }), 1, { configurationSet: 'jalin-prod', recipientDomains: ['jakarta.go.id'] });
    await mailer.send({ to: ['a@jakarta.go.id'], subject: 's', text: 't', html: '<p>t</p>' }, 'EXPIRY#abc#2031-06-30@30');
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input.ConfigurationSetName).toBe('jalin-prod');
    expect(input.EmailTags).toEqual([{ Name: 'alert', Value: alertTagValue('EXPIRY#abc#2031-06-30@30') }]);
    ses.restore();
  });
});
