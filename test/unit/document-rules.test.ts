import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentOfFileKey, fileKeyOf } from '../../shared/agreements/documents/file-keys.ts';
import { judgeUpload, SIGNATURE_BYTES } from '../../shared/agreements/documents/rules.ts';
import { documentTypes, type DocumentType } from '../../shared/agreements/documents/schemas.ts';

const signatures: Record<DocumentType, number[]> = {
  'application/pdf': [...Buffer.from('%PDF-')],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

describe('the check of an upload', () => {
  it('reads no more than the longest signature', () => expect(SIGNATURE_BYTES).toBe(8));

  it('accepts content that starts as its type does, of the size announced', () => {
    fc.assert(
      fc.property(fc.constantFrom(...documentTypes), fc.uint8Array({ maxLength: 64 }), (type, tail) => {
        const bytes = Buffer.concat([Buffer.from(signatures[type]), tail]);
        expect(judgeUpload({ contentType: type, size: bytes.length }, { size: bytes.length, head: bytes.subarray(0, SIGNATURE_BYTES) })).toEqual({ status: 'AVAILABLE' });
      }),
    );
  });

  it('rejects content that does not start as its type does, naming the type', () => {
    fc.assert(
      fc.property(fc.constantFrom(...documentTypes), fc.uint8Array({ maxLength: 64 }), (type, bytes) => {
        const head = Buffer.from(bytes).subarray(0, SIGNATURE_BYTES);
        fc.pre(!head.subarray(0, signatures[type].length).equals(Buffer.from(signatures[type])));
        const verdict = judgeUpload({ contentType: type, size: bytes.length }, { size: bytes.length, head });
        expect(verdict.status).toBe('REJECTED');
        expect(verdict.reason).toContain(type);
      }),
    );
  });

  it('rejects a fake PDF (an HTML page), a PNG announced as JPEG, and a file of another size', () => {
    expect(judgeUpload({ contentType: 'application/pdf', size: 6 }, { size: 6, head: Buffer.from('<html>') })).toMatchObject({ status: 'REJECTED', reason: expect.stringContaining('not a PDF') });
    expect(judgeUpload({ contentType: 'image/jpeg', size: 8 }, { size: 8, head: Buffer.from(signatures['image/png']) }).status).toBe('REJECTED');
    expect(judgeUpload({ contentType: 'application/pdf', size: 9 }, { size: 8, head: Buffer.from('%PDF-1.7') })).toMatchObject({ status: 'REJECTED', reason: 'The file has 8 bytes, not the 9 announced.' });
  });
});

describe('document file keys', () => {
  it('name the agreement and the document, and nothing else is one', () => {
    const key = fileKeyOf({ agreementId: 'a1', id: 'd1' });
    expect(key).toBe('documents/a1/d1');
    expect(documentOfFileKey(key)).toEqual({ agreementId: 'a1', id: 'd1' });
    for (const other of ['imports/a1/d1', 'documents/a1', 'documents/a1/d1/x', 'documents//d1', 'exports/x.csv']) expect(documentOfFileKey(other), other).toBeUndefined();
  });
});
