import type { S3Event } from 'aws-lambda';

/** S3 event keys are form-encoded (`+` for a space); this is the key as stored. */
export function objectKeysOf(event: S3Event): { key: string; size: number }[] {
  return event.Records.map((record) => ({ key: decodeURIComponent(record.s3.object.key.replace(/\+/g, ' ')), size: record.s3.object.size }));
}

/** The event S3 sends when an object is created, as the local server builds it for a consumer. */
export function objectCreatedEvent(bucket: string, key: string, size: number, now: Date): S3Event {
  const encodedKey = encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'local',
        eventTime: now.toISOString(),
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'local' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'local', 'x-amz-id-2': 'local' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'local',
          bucket: { name: bucket, ownerIdentity: { principalId: 'local' }, arn: `arn:aws:s3:::${bucket}` },
          object: { key: encodedKey, size, eTag: '', sequencer: '0' },
        },
      },
    ],
  };
}
