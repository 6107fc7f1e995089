import { describe, expect, it } from 'vitest';
import { readGrant, grantToken } from '../../shared/files/local-token.ts';
import { fileStore } from '../../shared/files/store.ts';
import { useLocalApi } from '../support/api.ts';

const { url } = useLocalApi();
const pdf = Buffer.from('%PDF-1.7\nsigned agreement\n%%EOF\n');

async function put(target: { url: string; headers: Record<string, string> }, body: Buffer, headers: Record<string, string> = {}) {
  return fetch(target.url, { method: 'PUT', headers: { ...target.headers, ...headers }, body });
}

describe('the local file store behind /files/{token}', () => {
  it('takes an upload of the granted type and size, and downloads it under its name', async () => {
    const store = await fileStore();
    const target = await store.uploadTarget('documents/a/b.pdf', { contentType: 'application/pdf', size: pdf.length });
    expect(target.url.startsWith(`${url()}/files/`)).toBe(true);
    expect((await put(target, pdf)).status).toBe(200);
    expect(await store.size('documents/a/b.pdf')).toBe(pdf.length);

    const link = await store.downloadLink('documents/a/b.pdf', { filename: 'Perjanjian Kerja Sama.pdf', contentType: 'application/pdf' });
    const download = await fetch(link.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Perjanjian Kerja Sama.pdf"; filename*=UTF-8''Perjanjian%20Kerja%20Sama.pdf`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);
  });

  it('refuses an upload of another size or type, keeping nothing', async () => {
    const store = await fileStore();
    const target = await store.uploadTarget('documents/a/c.pdf', { contentType: 'application/pdf', size: pdf.length + 1 });
    expect((await put(target, pdf)).status).toBe(403);
    const typed = await store.uploadTarget('documents/a/c.pdf', { contentType: 'application/pdf', size: pdf.length });
    expect((await put(typed, pdf, { 'content-type': 'image/png' })).status).toBe(403);
    expect(await store.size('documents/a/c.pdf')).toBeUndefined();
  });

  it('refuses an altered link, a download link used to upload, and a file that is gone', async () => {
    const store = await fileStore();
    const target = await store.uploadTarget('documents/a/d.pdf', { contentType: 'application/pdf', size: pdf.length });
    const altered = target.url.slice(0, -1) + (target.url.endsWith('A') ? 'B' : 'A');
    expect((await put({ ...target, url: altered }, pdf)).status).toBe(403);
    const link = await store.downloadLink('documents/a/d.pdf', { filename: 'd.pdf', contentType: 'application/pdf' });
    expect((await put({ url: link.url, headers: target.headers }, pdf)).status).toBe(405);
    expect((await fetch(link.url)).status).toBe(404);
  });

  it('expires a grant at its time', () => {
    const token = grantToken({ key: 'exports/x.csv', method: 'GET', expires: 1_000 });
    expect(readGrant(token, 1_000)).toMatchObject({ key: 'exports/x.csv' });
    expect(readGrant(token, 1_001)).toEqual({ refused: expect.stringContaining('expired') });
  });

  it('never lets a key leave the files folder', async () => {
    const store = await fileStore();
    await expect(store.uploadTarget('../outside.pdf', { contentType: 'application/pdf', size: 1 })).rejects.toThrow(/inside the files folder/);
  });
});
