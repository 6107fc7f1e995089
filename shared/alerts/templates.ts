import type { Agreement } from '../agreements/schemas.ts';
import type { EmailMessage } from '../email/message.ts';

/**
 * The alert emails, in Bahasa Indonesia (default) or English: plain text and HTML of the same
 * content. Subjects name the agreement or the employee and the deadline.
 */
export type Language = 'id' | 'en';
type Content = Omit<EmailMessage, 'to' | 'cc'>;

const locale: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

export function formatDate(date: string, language: Language): string {
  return new Intl.DateTimeFormat(locale[language], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

function formatHours(hours: number, language: Language): string {
  return new Intl.NumberFormat(locale[language], { maximumFractionDigits: 2 }).format(hours);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Lines of text → the same lines as an HTML document (the first line becomes the heading). */
function render(subject: string, lines: string[], table?: { head: string[]; rows: string[][] }): Content {
  const text = [...lines, ...(table ? ['', ...table.rows.map((row) => `- ${row.join(' | ')}`)] : []), '', '-- Jalin'].join('\n');
  const htmlTable = table
    ? `<table border="1" cellpadding="4" cellspacing="0"><thead><tr>${table.head.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${table.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    : '';
  const html = `<!doctype html><html><body><h2>${escapeHtml(subject)}</h2>${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}${htmlTable}<p style="color:#666">Jalin</p></body></html>`;
  return { subject, text, html };
}

export function expiringAgreementEmail(agreement: Agreement, daysLeft: number, language: Language): Content {
  const ends = formatDate(agreement.endsOn, language);
  const partners = agreement.partners.map((partner) => partner.name).join(', ');
  const id = language === 'id';
  const when =
    daysLeft > 0 ? (id ? `berakhir dalam ${daysLeft} hari` : `ends in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`) : daysLeft === 0 ? (id ? 'berakhir hari ini' : 'ends today') : id ? 'telah berakhir' : 'has ended';
  const subject = id ? `Kerja sama ${when}: ${agreement.title} (${ends})` : `Agreement ${when}: ${agreement.title} (${ends})`;
  const lines = id
    ? [
        `Kerja sama "${agreement.title}"${agreement.number ? ` (nomor ${agreement.number})` : ''} dengan ${partners} ${when}, pada ${ends}.`,
        `Unit pemilik: ${agreement.ownerUnit}.`,
        'Bila kerja sama akan dilanjutkan, mulailah proses perpanjangan sekarang; bila tidak, catat evaluasinya.',
      ]
    : [
        `The agreement "${agreement.title}"${agreement.number ? ` (number ${agreement.number})` : ''} with ${partners} ${when}, on ${ends}.`,
        `Owner unit: ${agreement.ownerUnit}.`,
        'If it is to continue, start the renewal now; if not, record its evaluation.',
      ];
  return render(subject, lines);
}

export function dormantDigestEmail(unit: string, agreements: Agreement[], sinceDays: number, language: Language): Content {
  const id = language === 'id';
  const subject = id
    ? `${agreements.length} kerja sama tanpa kegiatan ${sinceDays} hari terakhir: ${unit}`
    : `${agreements.length} agreement${agreements.length === 1 ? '' : 's'} without activity in ${sinceDays} days: ${unit}`;
  const lines = id
    ? [`Kerja sama berikut masih aktif tetapi tidak memiliki catatan pelatihan atau kegiatan dalam ${sinceDays} hari terakhir.`, 'Mohon tindak lanjuti atau evaluasi manfaatnya.']
    : [`The agreements below are active but have no linked training or activity in the last ${sinceDays} days.`, 'Please follow up or evaluate their benefit.'];
  const head = id ? ['Kerja sama', 'Mitra', 'Berakhir'] : ['Agreement', 'Partners', 'Ends'];
  const rows = agreements.map((agreement) => [agreement.title, agreement.partners.map((partner) => partner.name).join(', '), formatDate(agreement.endsOn, language)]);
  return render(subject, lines, { head, rows });
}

export interface TrainingShortfall {
  name: string;
  hours: number;
  requiredHours: number;
  targetHours: number;
  year: number;
  final: boolean;
  asOf: string;
}

export function trainingReminderEmail(shortfall: TrainingShortfall, language: Language): Content {
  const id = language === 'id';
  const hours = formatHours(shortfall.hours, language);
  const required = formatHours(shortfall.requiredHours, language);
  const target = formatHours(shortfall.targetHours, language);
  const deadline = formatDate(`${shortfall.year}-12-31`, language);
  const subject = shortfall.final
    ? id
      ? `Target jam pelatihan ${shortfall.year} tidak terpenuhi: ${shortfall.name} (${hours} dari ${target} jam)`
      : `Training target for ${shortfall.year} not met: ${shortfall.name} (${hours} of ${target} hours)`
    : id
      ? `Jam pelatihan di bawah target: ${shortfall.name} (${hours} dari ${required} jam, batas ${deadline})`
      : `Training hours below target: ${shortfall.name} (${hours} of ${required} hours, deadline ${deadline})`;
  const lines = shortfall.final
    ? id
      ? [`Yth. ${shortfall.name},`, `Sampai akhir tahun ${shortfall.year} tercatat ${hours} jam pelatihan dari target ${target} jam.`, 'Mohon koordinasikan rencana pengembangan kompetensi tahun ini dengan atasan Anda.']
      : [`Dear ${shortfall.name},`, `By the end of ${shortfall.year} you recorded ${hours} training hours of the ${target}-hour target.`, "Please plan this year's competency development with your supervisor."]
    : id
      ? [`Yth. ${shortfall.name},`, `Per ${formatDate(shortfall.asOf, language)} tercatat ${hours} jam pelatihan tahun ${shortfall.year}; target berjalan saat ini ${required} jam (target tahunan ${target} jam, batas ${deadline}).`, 'Silakan ikuti pelatihan klasikal atau nonklasikal untuk memenuhinya.']
      : [`Dear ${shortfall.name},`, `As of ${formatDate(shortfall.asOf, language)} you have ${hours} training hours in ${shortfall.year}; the pro-rata target is now ${required} hours (yearly target ${target} hours, deadline ${deadline}).`, 'Classical or non-classical training both count towards it.'];
  return render(subject, lines);
}

export interface UnitShortfall {
  unit: string;
  employees: number;
  below: number;
}

export function trainingAdminSummaryEmail(units: UnitShortfall[], checkpoint: { year: number; requiredHours: number; final: boolean; asOf: string }, language: Language): Content {
  const id = language === 'id';
  const required = formatHours(checkpoint.requiredHours, language);
  const below = units.reduce((sum, unit) => sum + unit.below, 0);
  const subject = id
    ? `Ringkasan kepatuhan jam pelatihan ${checkpoint.year} per ${formatDate(checkpoint.asOf, language)}: ${below} ASN di bawah ${required} jam`
    : `Training compliance ${checkpoint.year} as of ${formatDate(checkpoint.asOf, language)}: ${below} employees below ${required} hours`;
  const lines = id
    ? [`Target ${checkpoint.final ? 'akhir tahun' : 'berjalan'}: ${required} jam. Rincian per unit kerja:`]
    : [`${checkpoint.final ? 'Year-end' : 'Pro-rata'} target: ${required} hours. Per work unit:`];
  const head = id ? ['Unit kerja', 'ASN', 'Di bawah target', 'Persentase memenuhi'] : ['Unit', 'Employees', 'Below target', 'Share meeting it'];
  const rows = units.map((unit) => [unit.unit, String(unit.employees), String(unit.below), `${Math.round(((unit.employees - unit.below) / unit.employees) * 100)}%`]);
  return render(subject, lines, { head, rows });
}
