import type { DemoAgreement } from './demo-data.ts';

/**
 * A year like the bureau's (domain.md §1): with the agreements of demo-data.ts, 2024 counts
 * 102 agreements signed, domestic and foreign, 19 of them with national institutions and regions
 * (central government, provinces, regencies, cities), and 23 sister cities active at its end.
 * `GET /agreements/statistics?year=2024` on `npm start -- --demo` shows those figures
 * (test/unit/demo-year.test.ts holds them). Partners are real bodies; numbers and dates are invented.
 */
const contact = ['kerjasama@jakarta.go.id'];
const bureau = 'Biro Kerja Sama Daerah';
const day = (month: number, dayOfMonth: number) => `2024-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
/** The day `years` after `date`, minus one: a term of whole years. */
const yearsAfter = (date: string, years: number) => {
  const end = new Date(`${date}T00:00:00Z`);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
};

/** Twenty sister cities signed over the years (Tokyo, Bangkok and Jeju are in demo-data.ts). */
const sisterCities: [name: string, country: string, signed: string, field: string][] = [
  ['Ville de Paris', 'FR', '1995-08-21', 'kebudayaan'],
  ['Jeddah Municipality', 'SA', '2004-05-10', 'pariwisata'],
  ['Seoul Metropolitan Government', 'KR', '1984-10-23', 'tata kelola kota'],
  ['Beijing Municipal Government', 'CN', '1992-08-04', 'transportasi'],
  ['Senate of Berlin', 'DE', '1993-08-23', 'lingkungan hidup'],
  ['City of Los Angeles', 'US', '1990-10-16', 'kebudayaan'],
  ['Gemeente Rotterdam', 'NL', '1983-06-10', 'pengelolaan air'],
  ['Istanbul Metropolitan Municipality', 'TR', '1996-09-10', 'pariwisata'],
  ['Moscow City Government', 'RU', '2006-09-04', 'transportasi'],
  ['Hanoi People’s Committee', 'VN', '1994-01-15', 'perdagangan'],
  ['City of Manila', 'PH', '1998-03-12', 'penanggulangan bencana'],
  ['Dewan Bandaraya Kuala Lumpur', 'MY', '2001-05-20', 'pariwisata'],
  ['Commune de Casablanca', 'MA', '1991-02-11', 'kebudayaan'],
  ['Budapest Főváros', 'HU', '2018-07-02', 'pendidikan'],
  ['Islamabad Capital Territory', 'PK', '2003-11-25', 'kebudayaan'],
  ['Abu Dhabi City Municipality', 'AE', '2014-04-28', 'investasi'],
  ['Primăria Municipiului București', 'RO', '2016-10-06', 'kebudayaan'],
  ['Tashkent City Hokimiyat', 'UZ', '2012-09-17', 'pendidikan'],
  ['New South Wales Government', 'AU', '1994-11-02', 'tata kelola kota'],
  ['Pyongyang People’s Committee', 'KP', '2000-06-14', 'olahraga'],
];

/** Fourteen national institutions and regions signed in 2024 (five more are in demo-data.ts). */
const domestic: [name: string, category: 'CENTRAL_GOVERNMENT' | 'PROVINCE' | 'REGENCY' | 'CITY', field: string][] = [
  ['Badan Nasional Penanggulangan Bencana', 'CENTRAL_GOVERNMENT', 'penanggulangan bencana'],
  ['Badan Pusat Statistik', 'CENTRAL_GOVERNMENT', 'data dan statistik'],
  ['Badan Siber dan Sandi Negara', 'CENTRAL_GOVERNMENT', 'keamanan informasi'],
  ['Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah', 'CENTRAL_GOVERNMENT', 'pengadaan'],
  ['Kementerian Kesehatan', 'CENTRAL_GOVERNMENT', 'kesehatan'],
  ['Pemerintah Provinsi Jawa Barat', 'PROVINCE', 'transportasi'],
  ['Pemerintah Provinsi Banten', 'PROVINCE', 'pengelolaan air'],
  ['Pemerintah Provinsi Sumatera Barat', 'PROVINCE', 'ketahanan pangan'],
  ['Pemerintah Kabupaten Bogor', 'REGENCY', 'pengelolaan sampah'],
  ['Pemerintah Kabupaten Tangerang', 'REGENCY', 'transportasi'],
  ['Pemerintah Kota Bekasi', 'CITY', 'pengelolaan sampah'],
  ['Pemerintah Kota Surabaya', 'CITY', 'inovasi pelayanan publik'],
  ['Pemerintah Kota Makassar', 'CITY', 'ketahanan pangan'],
  ['Pemerintah Kota Medan', 'CITY', 'pariwisata'],
];

/** Foreign institutions and programmes (not sister cities). */
const foreign: [name: string, country: string, field: string][] = [
  ['C40 Cities Climate Leadership Group', 'GB', 'lingkungan hidup'],
  ['Hiroshima Global Academy', 'JP', 'pendidikan'],
  ['Japan International Cooperation Agency', 'JP', 'transportasi'],
  ['Deutsche Gesellschaft für Internationale Zusammenarbeit', 'DE', 'pengelolaan sampah'],
  ['Bloomberg Philanthropies', 'US', 'keselamatan jalan'],
  ['Centre for Liveable Cities', 'SG', 'tata kelola kota'],
  ['Korea International Cooperation Agency', 'KR', 'kota cerdas'],
  ['Agence Française de Développement', 'FR', 'pengelolaan air'],
  ['Rijkswaterstaat', 'NL', 'pengelolaan air'],
  ['Delft University of Technology', 'NL', 'pengelolaan air'],
  ['The University of Melbourne', 'AU', 'pendidikan'],
  ['Seoul Institute', 'KR', 'tata kelola kota'],
  ['Tokyo Metropolitan University', 'JP', 'penanggulangan bencana'],
  ['Nanyang Technological University', 'SG', 'kota cerdas'],
  ['New York City Department of Transportation', 'US', 'transportasi'],
  ['Bangkok Metropolitan Administration Health Department', 'TH', 'kesehatan'],
  ['World Resources Institute', 'US', 'lingkungan hidup'],
  ['Institut Teknologi Malaysia', 'MY', 'pendidikan'],
  ['Asian Development Bank', 'PH', 'infrastruktur'],
  ['Temasek Foundation', 'SG', 'kesehatan'],
  ['British Council', 'GB', 'pendidikan'],
  ['Goethe-Institut', 'DE', 'kebudayaan'],
  ['The Japan Foundation', 'JP', 'kebudayaan'],
  ['Korea Foundation', 'KR', 'kebudayaan'],
  ['Institut Français', 'FR', 'kebudayaan'],
  ['Erasmus University Rotterdam', 'NL', 'pendidikan'],
];

/** Universities and businesses at home: most become an MoU with one PKS under it. */
const partnersAtHome: [name: string, category: 'UNIVERSITY' | 'PRIVATE' | 'OTHER', field: string][] = [
  ['Universitas Indonesia', 'UNIVERSITY', 'kesehatan'],
  ['Institut Teknologi Bandung', 'UNIVERSITY', 'kota cerdas'],
  ['Universitas Gadjah Mada', 'UNIVERSITY', 'ketahanan pangan'],
  ['Universitas Negeri Jakarta', 'UNIVERSITY', 'pendidikan'],
  ['Universitas Trisakti', 'UNIVERSITY', 'tata kelola kota'],
  ['Universitas Padjadjaran', 'UNIVERSITY', 'kesehatan'],
  ['Institut Pertanian Bogor', 'UNIVERSITY', 'ketahanan pangan'],
  ['Universitas Airlangga', 'UNIVERSITY', 'kesehatan'],
  ['Universitas Diponegoro', 'UNIVERSITY', 'pengelolaan air'],
  ['Universitas Pembangunan Jaya', 'UNIVERSITY', 'kota cerdas'],
  ['PT Bank DKI', 'PRIVATE', 'keuangan daerah'],
  ['PT MRT Jakarta (Perseroda)', 'PRIVATE', 'transportasi'],
  ['PT Transportasi Jakarta', 'PRIVATE', 'transportasi'],
  ['PT Jakarta Propertindo (Perseroda)', 'PRIVATE', 'infrastruktur'],
  ['PT PAM Jaya', 'PRIVATE', 'pengelolaan air'],
  ['PT Telkom Indonesia', 'PRIVATE', 'kota cerdas'],
  ['PT Bank Rakyat Indonesia', 'PRIVATE', 'keuangan daerah'],
  ['PT Pertamina (Persero)', 'PRIVATE', 'energi'],
  ['PT PLN (Persero)', 'PRIVATE', 'energi'],
  ['Kamar Dagang dan Industri DKI Jakarta', 'OTHER', 'perdagangan'],
  ['Palang Merah Indonesia DKI Jakarta', 'OTHER', 'kesehatan'],
  ['Baznas Provinsi DKI Jakarta', 'OTHER', 'kesejahteraan sosial'],
  ['Yayasan Kota Kita', 'OTHER', 'tata kelola kota'],
  ['Wahana Lingkungan Hidup Indonesia', 'OTHER', 'lingkungan hidup'],
  ['Gojek (PT GoTo Gojek Tokopedia)', 'PRIVATE', 'transportasi'],
  ['PT Grab Teknologi Indonesia', 'PRIVATE', 'transportasi'],
  ['PT Unilever Indonesia', 'PRIVATE', 'pengelolaan sampah'],
  ['PT Astra International', 'PRIVATE', 'pendidikan vokasi'],
];

/** One-off events signed and finished within 2024: they expire without renewal. */
const events: [name: string, field: string][] = [
  ['PT Jakarta International Expo', 'perdagangan'],
  ['Komite Olimpiade Indonesia', 'olahraga'],
  ['Asosiasi Pemerintah Provinsi Seluruh Indonesia', 'tata kelola kota'],
  ['Dewan Kesenian Jakarta', 'kebudayaan'],
  ['Persatuan Sepak Bola Indonesia Jakarta', 'olahraga'],
  ['Ikatan Arsitek Indonesia DKI Jakarta', 'tata kelola kota'],
  ['Perhimpunan Hotel dan Restoran Indonesia DKI Jakarta', 'pariwisata'],
  ['Kadin Indonesia Komite Tiongkok', 'perdagangan'],
];

let sequence = 100;
const number = () => `NK/${(sequence += 1)}/BKSD/2024`;

export const demoYearAgreements: DemoAgreement[] = [
  ...sisterCities.map(([name, country, signed, field], index): DemoAgreement => ({
    key: `sister-${country.toLowerCase()}`,
    title: `Sister City Agreement Jakarta–${name}`,
    kind: 'SISTER_CITY',
    partners: [{ name, category: 'FOREIGN_GOVERNMENT', country }],
    fields: [field],
    signedOn: signed,
    startsOn: signed,
    endsOn: `20${28 + (index % 7)}-12-31`,
    ownerUnit: bureau,
    contactEmails: contact,
  })),
  ...domestic.map(([name, category, field], index): DemoAgreement => {
    const signed = day(1 + (index % 12), 5 + index);
    return {
      key: `domestic-${index}`,
      title: `Kesepakatan Bersama ${field[0]!.toUpperCase()}${field.slice(1)} dengan ${name}`,
      kind: 'MOU',
      number: number(),
      partners: [{ name, category, country: 'ID' }],
      fields: [field],
      signedOn: signed,
      startsOn: signed,
      endsOn: yearsAfter(signed, 2 + (index % 4)),
      ownerUnit: bureau,
      contactEmails: contact,
    };
  }),
  ...foreign.map(([name, country, field], index): DemoAgreement => {
    const signed = day(1 + ((index * 5) % 12), 3 + index);
    return {
      key: `foreign-${index}`,
      title: `Memorandum of Understanding on ${field} with ${name}`,
      kind: index % 3 === 0 ? 'LOI' : 'MOU',
      number: number(),
      partners: [{ name, category: 'FOREIGN_INSTITUTION', country }],
      fields: [field],
      signedOn: signed,
      startsOn: signed,
      endsOn: yearsAfter(signed, 2 + (index % 3)),
      ownerUnit: bureau,
      contactEmails: contact,
    };
  }),
  ...partnersAtHome.flatMap(([name, category, field], index): DemoAgreement[] => {
    const signed = day(1 + ((index * 7) % 12), 1 + (index % 27));
    const mou: DemoAgreement = {
      key: `home-${index}`,
      title: `Nota Kesepakatan ${field[0]!.toUpperCase()}${field.slice(1)} dengan ${name}`,
      kind: 'MOU',
      number: number(),
      partners: [{ name, category, country: 'ID' }],
      fields: [field],
      signedOn: signed,
      startsOn: signed,
      endsOn: yearsAfter(signed, 5),
      ownerUnit: index % 2 ? 'BPSDM Provinsi DKI Jakarta' : bureau,
      contactEmails: contact,
    };
    // The first twenty MoUs already have their PKS, signed a month later.
    if (index >= 20) return [mou];
    const pksSigned = day(Math.min(12, 2 + ((index * 7) % 12)), 1 + (index % 27));
    return [
      mou,
      {
        key: `home-${index}-pks`,
        parentKey: `home-${index}`,
        title: `Perjanjian Kerja Sama Pelaksanaan ${field} dengan ${name}`,
        kind: 'PKS',
        number: number(),
        partners: [{ name, category, country: 'ID' }],
        fields: [field],
        signedOn: pksSigned,
        startsOn: pksSigned,
        endsOn: yearsAfter(pksSigned, 3),
        ownerUnit: mou.ownerUnit,
        contactEmails: contact,
      },
    ];
  }),
  ...events.map(([name, field], index): DemoAgreement => ({
    key: `event-${index}`,
    title: `Perjanjian Kerja Sama Penyelenggaraan Acara ${field} dengan ${name}`,
    kind: 'OTHER',
    number: number(),
    partners: [{ name, category: 'OTHER', country: 'ID' }],
    fields: [field],
    signedOn: day(1 + index, 10),
    startsOn: day(1 + index, 10),
    endsOn: day(1 + index, 28),
    ownerUnit: bureau,
    contactEmails: contact,
  })),
];
