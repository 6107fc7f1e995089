import { beforeAll, describe, expect, it } from 'vitest';
import { settleFileConsumers } from '../../infra/local/files.ts';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';

const { call } = useLocalApi();
let admin: string;
let auditor: string;

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
/** An HTML page renamed to .pdf: the kind of file the check exists for. */
const fakePdf = Buffer.from('<html><script>alert(1)</script></html>');

beforeAll(async () => {
  admin = await tokenFor('agreements-admin');
  auditor = await tokenFor('auditor');
});

async function newAgreement(): Promise<string> {
  const created = await call('POST', '/agreements', { token: admin, body: agreementBody() });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function upload(agreementId: string, bytes: Buffer, announced: { contentType: string; kind?: string; filename?: string }) {
  const created = await call('POST', `/agreements/${agreementId}/documents`, {
    token: admin,
    body: { filename: announced.filename ?? 'Perjanjian.pdf', contentType: announced.contentType, size: bytes.length, kind: announced.kind ?? 'SIGNED_AGREEMENT' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const { upload: target } = created.body;
  const put = await fetch(target.url, { method: target.method, headers: target.headers, body: bytes });
  expect(put.status).toBe(200);
  await settleFileConsumers();
  return created.body;
}

describe('signed documents', () => {
  it('announces, uploads, checks and downloads a signed PDF, and flags the agreement as signed', async () => {
    const id = await newAgreement();
    const created = await call('POST', `/agreements/${id}/documents`, {
      token: admin,
      body: { filename: 'Perjanjian Kerja Sama.pdf', contentType: 'application/pdf', size: pdf.length, kind: 'SIGNED_AGREEMENT' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ agreementId: id, status: 'PENDING', upload: { method: 'PUT', headers: { 'content-type': 'application/pdf' } } });
    expect(created.headers.get('location')).toBe(`/agreements/${id}/documents/${created.body.id}`);
    const pending = await call('GET', `/agreements/${id}/documents/${created.body.id}`, { token: auditor });
    expect(pending.body.status).toBe('PENDING');
    expect(pending.body.download).toBeUndefined();

    const put = await fetch(created.body.upload.url, { method: 'PUT', headers: created.body.upload.headers, body: pdf });
    expect(put.status).toBe(200);
    await settleFileConsumers();

    const read = await call('GET', `/agreements/${id}/documents/${created.body.id}`, { token: auditor });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'AVAILABLE', checkedAt: expect.any(String) });
    expect(read.headers.get('cache-control')).toBe('private, no-store');
    const download = await fetch(read.body.download.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('filename="Perjanjian Kerja Sama.pdf"');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);

    const agreement = await call('GET', `/agreements/${id}`, { token: auditor });
    expect(agreement.body.signedDocuments).toBe(1);
    const history = await call('GET', `/agreements/${id}/history`, { token: auditor });
    expect(history.body.items.map((entry: { action: string }) => entry.action)).toEqual(['CREATED', 'DOCUMENT_ADDED', 'DOCUMENT_CHECKED']);
    expect(history.body.items[2].changes).toContainEqual({ field: 'signedDocuments', from: 0, to: 1 });
  });

  it('rejects a fake PDF with the reason, never offers it for download, and leaves the agreement unsigned', async () => {
    const id = await newAgreement();
    const document = await upload(id, fakePdf, { contentType: 'application/pdf' });
    const read = await call('GET', `/agreements/${id}/documents/${document.id}`, { token: admin });
    expect(read.body).toMatchObject({ status: 'REJECTED', reason: expect.stringContaining('not a PDF') });
    expect(read.body.download).toBeUndefined();
    expect((await call('GET', `/agreements/${id}`, { token: admin })).body.signedDocuments).toBeUndefined();
  });

  it('checks a file replaced after its check again', async () => {
    const id = await newAgreement();
    const body = { filename: 'scan.pdf', contentType: 'application/pdf', size: pdf.length, kind: 'SIGNED_AGREEMENT' };
    const created = await call('POST', `/agreements/${id}/documents`, { token: admin, body });
    const target = created.body.upload;
    await fetch(target.url, { method: 'PUT', headers: target.headers, body: pdf });
    await settleFileConsumers();
    const swapped = Buffer.alloc(pdf.length, 0x41);
    expect((await fetch(target.url, { method: 'PUT', headers: target.headers, body: swapped })).status).toBe(200);
    await settleFileConsumers();
    expect((await call('GET', `/agreements/${id}/documents/${created.body.id}`, { token: admin })).body.status).toBe('REJECTED');
    expect((await call('GET', `/agreements/${id}`, { token: admin })).body.signedDocuments).toBe(0);
  });

  it('accepts PNG and JPEG scans, lists documents in upload order, and deletes one with its file', async () => {
    const id = await newAgreement();
    const first = await upload(id, png, { contentType: 'image/png', kind: 'OFFICIAL_TRANSLATION', filename: 'terjemahan.png' });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    const second = await upload(id, jpeg, { contentType: 'image/jpeg', kind: 'IMPLEMENTATION_REPORT', filename: 'laporan.jpg' });
    const list = await call('GET', `/agreements/${id}/documents`, { token: auditor });
    expect(list.body.items.map((item: { id: string; status: string }) => [item.id, item.status])).toEqual([
      [first.id, 'AVAILABLE'],
      [second.id, 'AVAILABLE'],
    ]);
    const link = (await call('GET', `/agreements/${id}/documents/${first.id}`, { token: auditor })).body.download.url;

    expect((await call('DELETE', `/agreements/${id}/documents/${first.id}`, { token: auditor })).status).toBe(403);
    expect((await call('DELETE', `/agreements/${id}/documents/${first.id}`, { token: admin })).status).toBe(204);
    expect((await call('DELETE', `/agreements/${id}/documents/${first.id}`, { token: admin })).status).toBe(404);
    expect((await call('GET', `/agreements/${id}/documents/${first.id}`, { token: admin })).status).toBe(404);
    expect((await fetch(link)).status).toBe(404);
    const history = await call('GET', `/agreements/${id}/history`, { token: auditor });
    expect(history.body.items.at(-1)).toMatchObject({ action: 'DOCUMENT_DELETED', changes: [{ field: 'documents', from: { id: first.id, kind: 'OFFICIAL_TRANSLATION' } }] });
  });

  it('refuses other types, empty or oversized files, unknown agreements, and employees', async () => {
    const id = await newAgreement();
    const announce = (body: Record<string, unknown>, token = admin, agreementId = id) =>
      call('POST', `/agreements/${agreementId}/documents`, { token, body: { filename: 'x.pdf', contentType: 'application/pdf', size: 10, kind: 'OTHER', ...body } });
    const wrongType = await announce({ contentType: 'text/html' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors.map((error: { path: string }) => error.path)).toEqual(['contentType']);
    expect((await announce({ size: 20 * 1024 * 1024 + 1 })).status).toBe(400);
    expect((await announce({ size: 0 })).status).toBe(400);
    expect((await announce({ kind: 'PHOTO' })).status).toBe(400);
    expect((await announce({}, admin, 'no-such-agreement')).status).toBe(404);
    const employee = await tokenFor('employee', { nip: '198609262015051001' });
    expect((await call('GET', `/agreements/${id}/documents`, { token: employee })).status).toBe(403);
  });

  it('a keyed retry announces the document once, with a fresh upload URL', async () => {
    const id = await newAgreement();
    const body = { filename: 'a.pdf', contentType: 'application/pdf', size: pdf.length, kind: 'OTHER' };
    const first = await call('POST', `/agreements/${id}/documents`, { token: admin, body, headers: { 'idempotency-key': 'doc-1' } });
    const again = await call('POST', `/agreements/${id}/documents`, { token: admin, body, headers: { 'idempotency-key': 'doc-1' } });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await call('GET', `/agreements/${id}/documents`, { token: admin })).body.items).toHaveLength(1);
  });
});
