import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../shared/agreements/schemas.ts';
import { renderLetter } from '../../shared/alerts/letter.ts';
import { dormantDigestEmail, expiringAgreementEmail, trainingReminderEmail } from '../../shared/alerts/templates.ts';

const bureau = { unit: 'Biro Kerja Sama Daerah Provinsi DKI Jakarta', email: 'kerjasama@jakarta.go.id', consoleUrl: 'https://jalin.jakarta.go.id/' };
const bpsdm = { unit: 'BPSDM Provinsi DKI Jakarta', email: 'bpsdm@jakarta.go.id', consoleUrl: 'https://jalin.jakarta.go.id' };
const agreement = {
  id: 'a-1',
  title: 'Kesepakatan Bersama Ketahanan Pangan',
  number: 'NK/017/BKSD/2024',
  partners: [{ name: 'Pemerintah Kota Pekanbaru' }],
  endsOn: '2027-02-15',
  ownerUnit: 'Biro Kerja Sama Daerah',
} as unknown as Agreement;

describe('alert emails', () => {
  it('link to the agreement, in the official register, signed and answered by the owning unit', () => {
    const email = expiringAgreementEmail(agreement, 30, 'id', bureau);
    expect(email.text.startsWith('Yth. Bapak/Ibu')).toBe(true);
    expect(email.text).toContain('Buka kerja sama: https://jalin.jakarta.go.id/kerja-sama/a-1');
    expect(email.text).toContain('Hormat kami,\nBiro Kerja Sama Daerah Provinsi DKI Jakarta\nKontak: kerjasama@jakarta.go.id');
    expect(email.text).toContain('perpanjangan');
    expect(email.text).toMatch(/^Rincian +\| Keterangan$/m);
    expect(email.html).toContain('<html lang="id">');
    expect(email.html).toContain('href="https://jalin.jakarta.go.id/kerja-sama/a-1"');
    expect(email.replyTo).toEqual(['kerjasama@jakarta.go.id']);
    expect(email.headers).toBeUndefined();
    expect(expiringAgreementEmail(agreement, 30, 'en', bureau).html).toContain('<html lang="en">');
  });

  it('on the last day and after, ask for the evaluation, never a renewal', () => {
    for (const daysLeft of [0, -2]) {
      const email = expiringAgreementEmail(agreement, daysLeft, 'id', bureau);
      expect(email.text).toContain('evaluasi');
      expect(email.text).toContain('tidak dapat lagi diperpanjang');
      expect(email.text).not.toContain('mulai proses perpanjangan');
      expect(email.text).toContain('Isi evaluasi kerja sama: https://jalin.jakarta.go.id/kerja-sama/a-1');
    }
  });

  it('link each dormant agreement to its page', () => {
    const email = dormantDigestEmail('Biro Kerja Sama Daerah', [agreement], 180, 'id', bureau);
    expect(email.html).toContain('<a href="https://jalin.jakarta.go.id/kerja-sama/a-1">Kesepakatan Bersama Ketahanan Pangan</a>');
    expect(email.text).toMatch(/^Kerja sama +\| Mitra +\| Berakhir$/m);
    expect(email.text).toContain('Kesepakatan Bersama Ketahanan Pangan <https://jalin.jakarta.go.id/kerja-sama/a-1>');
  });

  it('remind an employee with the trainings counted, JP beside hours, and an unsubscribe header', () => {
    const shortfall = { name: 'Siti Rahma', hours: 10, requiredHours: 20, targetHours: 40, year: 2026, final: false, asOf: '2026-07-01', jpMinutes: 45 };
    const email = trainingReminderEmail({ ...shortfall, counted: [{ title: 'Kursus Arsip', provider: 'ANRI', startsOn: '2026-03-02', endsOn: '2026-03-03', hours: 10 }] }, 'id', bpsdm);
    expect(email.text).toContain('10 jam (13,33 JP)');
    expect(email.text).toContain('20 jam (26,67 JP)');
    expect(email.text).toMatch(/^Kursus Arsip +\| ANRI +\| 2 Maret 2026 – 3 Maret 2026 \| 10 +\| 13,33$/m);
    expect(email.text).toContain('belum tercatat');
    // First the console's reminder switch (the employee acts at once), then a mail to the unit that can act for them.
    expect(email.headers).toEqual({ 'List-Unsubscribe': expect.stringMatching(/^<https:\/\/jalin\.jakarta\.go\.id\/jam-pelajaran-saya#pengingat>, <mailto:bpsdm@jakarta\.go\.id\?subject=.+>$/) });
    expect(email.text).toContain('matikan Email pengingat di halaman Jam pelajaran saya (https://jalin.jakarta.go.id/jam-pelajaran-saya#pengingat)');
    expect(email.replyTo).toEqual(['bpsdm@jakarta.go.id']);
    const none = trainingReminderEmail({ ...shortfall, hours: 0, counted: [] }, 'id', bpsdm);
    expect(none.text).toContain('Belum ada pelatihan yang tercatat untuk tahun 2026.');
  });

  it('escape what people typed', () => {
    const email = renderLetter({ language: 'id', subject: '<b>', salutation: 'Yth. "A&B"', paragraphs: ['<script>'], action: { path: '/', label: 'x' } }, bpsdm);
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&#60;script&#62;');
  });
});
