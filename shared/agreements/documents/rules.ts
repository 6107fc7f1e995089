import type { DocumentStatus, DocumentType } from './schemas.ts';

/** How each accepted type begins: PDF `%PDF-`, JPEG the SOI marker FF D8 FF, PNG its 8-byte signature. */
const signatures: Record<DocumentType, { bytes: Buffer; name: string }> = {
  'application/pdf': { bytes: Buffer.from('%PDF-', 'latin1'), name: 'a PDF (%PDF-)' },
  'image/jpeg': { bytes: Buffer.from([0xff, 0xd8, 0xff]), name: 'a JPEG image' },
  'image/png': { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), name: 'a PNG image' },
};

/** How many leading bytes the check reads: the longest signature. */
export const SIGNATURE_BYTES = Math.max(...Object.values(signatures).map((signature) => signature.bytes.length));

export interface UploadVerdict {
  status: Exclude<DocumentStatus, 'PENDING'>;
  reason?: string;
}

/**
 * Whether what arrived is what was announced: the size declared (S3 already refuses another
 * length on the signed URL; this also covers a file replaced later) and content that starts
 * as its type does. A renamed HTML or EXE is REJECTED, whatever its extension says.
 */
export function judgeUpload(declared: { size: number; contentType: DocumentType }, stored: { size: number; head: Buffer }): UploadVerdict {
  if (stored.size !== declared.size) return { status: 'REJECTED', reason: `The file has ${stored.size} bytes, not the ${declared.size} announced.` };
  const signature = signatures[declared.contentType];
  if (!stored.head.subarray(0, signature.bytes.length).equals(signature.bytes)) {
    return { status: 'REJECTED', reason: `The content is not ${signature.name}, although it was announced as ${declared.contentType}.` };
  }
  return { status: 'AVAILABLE' };
}
