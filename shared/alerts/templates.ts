import type { Agreement } from '../agreements/schemas.ts';
import { consoleLink, renderLetter, type Content, type Language, type Letterhead } from './letter.ts';

/**
 * The alert emails, in Bahasa Indonesia (default) or English, as official letters (letter.ts):
 * each says what is due, shows the details, and links to the console page where it is done.
 * Subjects name the agreement or the employee and the deadline.
 */
export type { Language } from './letter.ts';

const locale: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

export function formatDate(date: string, language: Language): string {
  return new Intl.DateTimeFormat(locale[language], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locale[language], { maximumFractionDigits: 2 }).format(value);
}

/** Hours with their JP beside them: "26,67 jam (35,56 JP)". */
function hoursAndJp(hours: number, jpMinutes: number, language: Language): string {
  const jp = Math.round(((hours * 60) / jpMinutes) * 100) / 100;
  return `${formatNumber(hours, language)} ${language === 'id' ? 'jam' : 'hours'} (${formatNumber(jp, language)} JP)`;
}

export function expiringAgreementEmail(agreement: Agreement, daysLeft: number, language: Language, letterhead: Letterhead): Content {
  const ends = formatDate(agreement.endsOn, language);
  const partners = agreement.partners.map((partner) => partner.name).join(', ');
  const id = language === 'id';
  const ended = daysLeft <= 0;
  const when =
    daysLeft > 0 ? (id ? `berakhir dalam ${daysLeft} hari` : `ends in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`) : daysLeft === 0 ? (id ? 'berakhir hari ini' : 'ends today') : id ? 'telah berakhir' : 'has ended';
  const subject = id ? `Kerja sama ${when}: ${agreement.title} (${ends})` : `Agreement ${when}: ${agreement.title} (${ends})`;
  const opening = id
    ? `Dengan hormat, kami sampaikan bahwa kerja sama "${agreement.title}" dengan ${partners} ${when}, pada ${ends}.`
    : `We write to let you know that the agreement "${agreement.title}" with ${partners} ${when}, on ${ends}.`;
  // On its last day a renewal can no longer start in time: what is due then is the evaluation.
  const ask = ended
    ? id
      ? 'Kerja sama ini tidak dapat lagi diperpanjang. Mohon lengkapi evaluasi pelaksanaannya (capaian, kendala dan rekomendasi) paling lambat 30 hari setelah berakhir; bila kerja sama perlu dilanjutkan, usulkan kerja sama baru berdasarkan evaluasi tersebut.'
      : 'It can no longer be renewed. Please complete its evaluation (results, obstacles, recommendations) within 30 days of its end; if the cooperation should go on, propose a new agreement based on that evaluation.'
    : id
      ? 'Bila kerja sama akan dilanjutkan, mohon mulai proses perpanjangan sekarang, karena penyusunan naskah dan persetujuan para pihak memerlukan waktu; bila tidak, mohon siapkan evaluasi pelaksanaannya.'
      : 'If it is to continue, please start the renewal now, as drafting and the parties’ approval take time; if not, please prepare its evaluation.';
  const head = id ? ['Rincian', 'Keterangan'] : ['Detail', 'Value'];
  const rows = [
    [id ? 'Nomor' : 'Number', agreement.number ?? '-'],
    [id ? 'Mitra' : 'Partners', partners],
    [id ? 'Unit pemilik' : 'Owner unit', agreement.ownerUnit],
    [id ? 'Berakhir' : 'Ends', ends],
  ];
  return renderLetter(
    {
      language,
      subject,
      salutation: id ? 'Yth. Bapak/Ibu pengelola kerja sama,' : 'Dear colleagues,',
      paragraphs: [opening, ask],
      table: { head, rows },
      action: { path: `/kerja-sama/${agreement.id}`, label: ended ? (id ? 'Isi evaluasi kerja sama' : 'Record the evaluation') : id ? 'Buka kerja sama' : 'Open the agreement' },
      footnotes: [
        id
          ? 'Pesan ini dikirim oleh Jalin karena alamat Anda tercatat sebagai kontak kerja sama ini. Bila keliru, mohon balas email ini.'
          : 'Jalin sent this message because your address is a contact of this agreement. If that is wrong, please reply to this email.',
      ],
    },
    letterhead,
  );
}

export function dormantDigestEmail(unit: string, agreements: Agreement[], sinceDays: number, language: Language, letterhead: Letterhead): Content {
  const id = language === 'id';
  const subject = id
    ? `${agreements.length} kerja sama tanpa kegiatan ${sinceDays} hari terakhir: ${unit}`
    : `${agreements.length} agreement${agreements.length === 1 ? '' : 's'} without activity in ${sinceDays} days: ${unit}`;
  const paragraphs = id
    ? [`Dengan hormat, kerja sama ${unit} berikut masih berlaku tetapi tidak memiliki catatan pelatihan atau kegiatan dalam ${sinceDays} hari terakhir.`, 'Mohon tindak lanjuti pelaksanaannya bersama mitra, atau evaluasi manfaatnya.']
    : [`The agreements of ${unit} below are in force but have no linked training or activity in the last ${sinceDays} days.`, 'Please follow them up with the partners, or evaluate their benefit.'];
  const head = id ? ['Kerja sama', 'Mitra', 'Berakhir'] : ['Agreement', 'Partners', 'Ends'];
  const rows = agreements.map((agreement) => [
    { text: agreement.title, href: consoleLink(letterhead, `/kerja-sama/${agreement.id}`) },
    agreement.partners.map((partner) => partner.name).join(', '),
    formatDate(agreement.endsOn, language),
  ]);
  return renderLetter(
    {
      language,
      subject,
      salutation: id ? 'Yth. Bapak/Ibu pengelola kerja sama,' : 'Dear colleagues,',
      paragraphs,
      table: { head, rows },
      action: { path: '/', label: id ? 'Buka daftar perlu perhatian' : 'Open what needs attention' },
    },
    letterhead,
  );
}

export interface CountedTraining {
  title: string;
  provider: string;
  startsOn: string;
  endsOn: string;
  hours: number;
}

export interface TrainingShortfall {
  name: string;
  hours: number;
  requiredHours: number;
  targetHours: number;
  year: number;
  final: boolean;
  asOf: string;
  /** Minutes of one JP, to show JP beside hours. */
  jpMinutes: number;
  /** The records of the year that were counted, so the reader sees what is missing. */
  counted: CountedTraining[];
}

/** Where the employee turns the reminders off: the My training hours page's reminder switch (console). */
export const REMINDER_SETTING_PATH = '/jam-pelajaran-saya#pengingat';

export function trainingReminderEmail(shortfall: TrainingShortfall, language: Language, letterhead: Letterhead): Content {
  const id = language === 'id';
  const plain = (value: number) => formatNumber(value, language);
  const withJp = (value: number) => hoursAndJp(value, shortfall.jpMinutes, language);
  const deadline = formatDate(`${shortfall.year}-12-31`, language);
  const subject = shortfall.final
    ? id
      ? `Target jam pelatihan ${shortfall.year} tidak terpenuhi: ${shortfall.name} (${plain(shortfall.hours)} dari ${plain(shortfall.targetHours)} jam)`
      : `Training target for ${shortfall.year} not met: ${shortfall.name} (${plain(shortfall.hours)} of ${plain(shortfall.targetHours)} hours)`
    : id
      ? `Jam pelatihan di bawah target: ${shortfall.name} (${plain(shortfall.hours)} dari ${plain(shortfall.requiredHours)} jam, batas ${deadline})`
      : `Training hours below target: ${shortfall.name} (${plain(shortfall.hours)} of ${plain(shortfall.requiredHours)} hours, deadline ${deadline})`;
  const standing = shortfall.final
    ? id
      ? `Sampai akhir tahun ${shortfall.year} tercatat ${withJp(shortfall.hours)} pelatihan dari target ${withJp(shortfall.targetHours)}. Mohon koordinasikan rencana pengembangan kompetensi tahun ini dengan atasan Anda.`
      : `By the end of ${shortfall.year} you recorded ${withJp(shortfall.hours)} of training against the target of ${withJp(shortfall.targetHours)}. Please plan this year's competency development with your supervisor.`
    : id
      ? `Per ${formatDate(shortfall.asOf, language)} tercatat ${withJp(shortfall.hours)} pelatihan tahun ${shortfall.year}; target berjalan saat ini ${withJp(shortfall.requiredHours)} (target tahunan ${withJp(shortfall.targetHours)}, batas ${deadline}). Pelatihan klasikal maupun nonklasikal dihitung.`
      : `As of ${formatDate(shortfall.asOf, language)} you have ${withJp(shortfall.hours)} of training in ${shortfall.year}; the pro-rata target is now ${withJp(shortfall.requiredHours)} (yearly target ${withJp(shortfall.targetHours)}, deadline ${deadline}). Classical and non-classical training both count.`;
  const counted = shortfall.counted.length
    ? id
      ? 'Pelatihan yang telah dihitung:'
      : 'The training counted:'
    : id
      ? `Belum ada pelatihan yang tercatat untuk tahun ${shortfall.year}.`
      : `No training is recorded for ${shortfall.year} yet.`;
  const missing = id
    ? `Bila ada pelatihan yang sudah Anda ikuti tetapi belum tercatat, mohon balas email ini kepada ${letterhead.unit} dengan melampirkan sertifikat atau surat keterangannya, agar dicatat.`
    : `If a training you attended is missing, please reply to this email to ${letterhead.unit} with its certificate, so that it is recorded.`;
  const table = shortfall.counted.length
    ? {
        head: id ? ['Pelatihan', 'Penyelenggara', 'Tanggal', 'Jam', 'JP'] : ['Training', 'Provider', 'Dates', 'Hours', 'JP'],
        rows: shortfall.counted.map((training) => [
          training.title,
          training.provider,
          training.startsOn === training.endsOn ? formatDate(training.endsOn, language) : `${formatDate(training.startsOn, language)} – ${formatDate(training.endsOn, language)}`,
          plain(training.hours),
          plain(Math.round(((training.hours * 60) / shortfall.jpMinutes) * 100) / 100),
        ]),
      }
    : undefined;
  const reminderSetting = consoleLink(letterhead, REMINDER_SETTING_PATH);
  const unsubscribe = encodeURIComponent(id ? 'Berhenti menerima pengingat jam pelatihan' : 'Stop training-hour reminders');
  return renderLetter(
    {
      language,
      subject,
      salutation: id ? `Yth. Bapak/Ibu ${shortfall.name},` : `Dear ${shortfall.name},`,
      paragraphs: table ? [standing, counted] : [standing, counted, missing],
      ...(table ? { table } : {}),
      action: { path: '/jam-pelajaran-saya', label: id ? 'Lihat jam pelajaran saya' : 'See my training hours' },
      footnotes: [
        ...(table ? [missing] : []),
        id
          ? `JP = jam pelajaran (${shortfall.jpMinutes} menit). Untuk berhenti menerima pengingat ini, matikan Email pengingat di halaman Jam pelajaran saya (${reminderSetting}), atau gunakan tautan berhenti berlangganan pada aplikasi email Anda.`
          : `JP = lesson hour (${shortfall.jpMinutes} minutes). To stop these reminders, turn Reminder emails off on the My training hours page (${reminderSetting}), or use your mail app's unsubscribe link.`,
      ],
      // The console page where the employee turns reminders off, then a mail to the unit, which can do it for them.
      headers: { 'List-Unsubscribe': `<${reminderSetting}>, <mailto:${letterhead.email}?subject=${unsubscribe}>` },
    },
    letterhead,
  );
}

export interface UnitShortfall {
  unit: string;
  employees: number;
  below: number;
}

export function trainingAdminSummaryEmail(
  units: UnitShortfall[],
  checkpoint: { year: number; requiredHours: number; final: boolean; asOf: string; jpMinutes: number; remindersSent: boolean; remindersOff: number },
  language: Language,
  letterhead: Letterhead,
): Content {
  const id = language === 'id';
  const required = formatNumber(checkpoint.requiredHours, language);
  const below = units.reduce((sum, unit) => sum + unit.below, 0);
  const subject = id
    ? `Ringkasan kepatuhan jam pelatihan ${checkpoint.year} per ${formatDate(checkpoint.asOf, language)}: ${below} ASN di bawah ${required} jam`
    : `Training compliance ${checkpoint.year} as of ${formatDate(checkpoint.asOf, language)}: ${below} employees below ${required} hours`;
  const paragraphs = [
    id
      ? `Target ${checkpoint.final ? 'akhir tahun' : 'berjalan'}: ${hoursAndJp(checkpoint.requiredHours, checkpoint.jpMinutes, language)}. Rincian per unit kerja:`
      : `${checkpoint.final ? 'Year-end' : 'Pro-rata'} target: ${hoursAndJp(checkpoint.requiredHours, checkpoint.jpMinutes, language)}. Per work unit:`,
    ...(checkpoint.remindersSent
      ? []
      : [id ? 'Pengingat pribadi belum dikirim bulan ini: masih dalam masa tenggang awal tahun.' : 'No personal reminders went out this month: the grace period of the year is still running.']),
    // Those behind who turned reminders off hear nothing from Jalin: the unit may want to reach them otherwise.
    ...(checkpoint.remindersSent && checkpoint.remindersOff > 0
      ? [
          id
            ? `${checkpoint.remindersOff} ASN di bawah target telah mematikan email pengingat dan tidak menerimanya bulan ini.`
            : `${checkpoint.remindersOff} employees below target turned reminder emails off and did not get one this month.`,
        ]
      : []),
  ];
  const head = id ? ['Unit kerja', 'ASN', 'Di bawah target', 'Persentase memenuhi'] : ['Unit', 'Employees', 'Below target', 'Share meeting it'];
  const rows = units.map((unit) => [unit.unit, String(unit.employees), String(unit.below), `${Math.round(((unit.employees - unit.below) / unit.employees) * 100)}%`]);
  return renderLetter(
    {
      language,
      subject,
      salutation: id ? 'Yth. Tim Pengembangan Kompetensi,' : 'Dear colleagues,',
      paragraphs,
      table: { head, rows },
      action: { path: '/pelatihan', label: id ? 'Buka kepatuhan jam pelatihan' : 'Open training compliance' },
    },
    letterhead,
  );
}
