/**
 * Every message the API answers with, keyed by a stable code, in Bahasa Indonesia and English.
 * A code never changes once published (clients branch on it); a message may be reworded.
 *
 * Field messages follow the field's name ("endsOn must be on or after…", "endsOn harus…"), so
 * they start in lower case. `{name}` is filled from the error's parameters. The codes named after
 * a status (NOT_FOUND, CONFLICT…) are the problems' titles, and the code of an error raised
 * without one of its own.
 */
export type Language = 'id' | 'en';

/** A parameter is a value shown as is, or a word of the catalogue shown in the message's language. */
export type Param = string | number | { readonly code: MessageCode };
export type Params = Readonly<Record<string, Param>>;

export const messages = {
  // Titles, one per status; also the code of an error that has none of its own.
  INVALID_REQUEST: { en: 'The request is invalid', id: 'Permintaan tidak valid' },
  UNAUTHENTICATED: { en: 'Authentication required', id: 'Perlu masuk terlebih dahulu' },
  FORBIDDEN: { en: 'Not allowed', id: 'Tidak diizinkan' },
  NOT_FOUND: { en: 'Not found', id: 'Tidak ditemukan' },
  METHOD_NOT_ALLOWED: { en: 'Method not allowed', id: 'Metode tidak diizinkan' },
  CONFLICT: { en: 'Conflict with the current state', id: 'Bertentangan dengan data saat ini' },
  STALE_VERSION: { en: 'The resource has changed', id: 'Data sudah berubah' },
  BODY_TOO_LARGE: { en: 'The request body is too large', id: 'Isi permintaan terlalu besar' },
  UNSUPPORTED_MEDIA_TYPE: { en: 'Unsupported content type', id: 'Jenis konten tidak didukung' },
  UNPROCESSABLE: { en: 'The request cannot be processed', id: 'Permintaan tidak dapat diproses' },
  PRECONDITION_REQUIRED: { en: 'If-Match required', id: 'Header If-Match diperlukan' },
  HEADER_TOO_LARGE: { en: 'Request header fields too large', id: 'Header permintaan terlalu besar' },
  INTERNAL: { en: 'Internal error', id: 'Kesalahan internal' },
  UNAVAILABLE: { en: 'Service temporarily unavailable', id: 'Layanan sementara tidak tersedia' },
  ERROR: { en: 'Error', id: 'Kesalahan' },

  // The request as HTTP: token, groups, route, body, preconditions.
  TOKEN_REQUIRED: { en: 'A valid bearer token is required.', id: 'Diperlukan token bearer yang valid: silakan masuk kembali.' },
  LOCAL_TOKEN_REJECTED: {
    en: 'A valid bearer token is required (missing, expired or not signed by the local issuer).',
    id: 'Diperlukan token bearer yang valid (token tidak ada, kedaluwarsa, atau tidak ditandatangani oleh penerbit lokal).',
  },
  GROUP_REQUIRED: { en: 'This operation needs one of the groups: {groups}.', id: 'Operasi ini memerlukan salah satu grup: {groups}.' },
  OWN_RECORDS_ONLY: { en: 'An employee token may only read its own records.', id: 'Token pegawai hanya dapat membaca data miliknya sendiri.' },
  ALERT_KIND_FORBIDDEN: { en: 'Alerts of kind {kind} are read by the groups: {groups}.', id: 'Peringatan jenis {kind} hanya dapat dibaca oleh grup: {groups}.' },
  ROUTE_NOT_FOUND: {
    en: 'No operation at {method} {path}. GET /openapi.json lists them all.',
    id: 'Tidak ada operasi {method} {path}. Daftar lengkapnya ada di GET /openapi.json.',
  },
  METHOD_NOT_SUPPORTED: { en: '{method} is not supported on {path}; use {allowed}.', id: '{method} tidak didukung pada {path}; gunakan {allowed}.' },
  BODY_OVER_LIMIT: {
    en: 'The body has {size} bytes; this operation accepts at most {limit} bytes.',
    id: 'Isi permintaan berukuran {size} byte; operasi ini menerima paling banyak {limit} byte.',
  },
  GATEWAY_BODY_OVER_LIMIT: { en: 'The body exceeds the gateway limit of {limit} bytes.', id: 'Isi permintaan melebihi batas gateway sebesar {limit} byte.' },
  HEADERS_OVER_LIMIT: { en: 'The URL and headers exceed {limit} bytes.', id: 'URL dan header melebihi {limit} byte.' },
  REQUEST_UNREADABLE: { en: 'The request is not readable HTTP.', id: 'Permintaan ini bukan HTTP yang dapat dibaca.' },
  CONTENT_TYPE_MISSING: { en: 'The Content-Type header is missing: send {accepted}.', id: 'Header Content-Type tidak ada: kirim {accepted}.' },
  CONTENT_TYPE_UNSUPPORTED: { en: 'Content-Type {type} is not accepted here: send {accepted}.', id: 'Content-Type {type} tidak diterima di sini: kirim {accepted}.' },
  IF_MATCH_REQUIRED: {
    en: 'This update needs an If-Match header with the ETag of the version you read, e.g. If-Match: "3".',
    id: 'Perubahan ini memerlukan header If-Match berisi ETag versi yang Anda baca, misalnya If-Match: "3".',
  },
  IF_MATCH_WEAK: {
    en: 'If-Match {value} is a weak ETag, which never matches a write; send the ETag as read, e.g. "3".',
    id: 'If-Match {value} adalah ETag lemah yang tidak pernah cocok untuk perubahan; kirim ETag persis seperti yang dibaca, misalnya "3".',
  },
  IF_MATCH_UNKNOWN: {
    en: 'If-Match {value} names no version of this resource; read it again for its ETag.',
    id: 'If-Match {value} tidak menunjuk versi mana pun dari data ini; muat ulang datanya untuk mendapatkan ETag.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    en: 'This Idempotency-Key was already used with a different request body; use a new key for a new request.',
    id: 'Idempotency-Key ini sudah dipakai dengan isi permintaan yang berbeda; gunakan kunci baru untuk permintaan baru.',
  },
  CONCURRENT_CHANGE: { en: 'A concurrent change got there first; read again and retry.', id: 'Ada perubahan lain yang lebih dulu tersimpan; muat ulang lalu coba lagi.' },
  UNEXPECTED_ERROR: { en: 'An unexpected error occurred. It has been logged.', id: 'Terjadi kesalahan yang tidak terduga. Kesalahan ini sudah dicatat.' },
  DATABASE_TIMEOUT: { en: 'The database did not answer in time. Retry shortly.', id: 'Basis data tidak menjawab tepat waktu. Coba lagi sebentar lagi.' },
  ROUTE_NOT_SERVED: { en: 'This function does not serve {routeKey}.', id: 'Fungsi ini tidak melayani {routeKey}.' },
  LOCAL_INVOKE_FAILED: { en: 'The local server failed to invoke the function.', id: 'Server lokal gagal menjalankan fungsi.' },

  // Invalid input: the summary, then what a field can get wrong.
  INVALID_FIELDS: { en: 'Invalid input: {fields}', id: 'Isian tidak valid: {fields}' },
  BODY: { en: 'the request body', id: 'isi permintaan' },
  FIELD_INVALID: { en: 'is invalid', id: 'tidak valid' },
  FIELD_REQUIRED: { en: 'is required', id: 'wajib diisi' },
  FIELD_UNKNOWN: { en: 'is not a known field', id: 'bukan kolom yang dikenal' },
  FIELD_READ_ONLY: { en: 'is set by the server and cannot be written', id: 'diisi oleh server dan tidak dapat diubah' },
  EXPECTED_TEXT: { en: 'must be text', id: 'harus berupa teks' },
  EXPECTED_NUMBER: { en: 'must be a number', id: 'harus berupa angka' },
  EXPECTED_BOOLEAN: { en: 'must be true or false', id: 'harus bernilai true atau false' },
  EXPECTED_LIST: { en: 'must be a list', id: 'harus berupa daftar' },
  EXPECTED_OBJECT: { en: 'must be an object with fields', id: 'harus berupa objek berisi kolom' },
  TYPE_INVALID: { en: 'has the wrong type', id: 'jenis isiannya salah' },
  VALUE_NOT_ALLOWED: { en: 'must be one of: {values}', id: 'harus salah satu dari: {values}' },
  TOO_SHORT: { en: 'must be at least {minimum} characters', id: 'harus berisi minimal {minimum} karakter' },
  TOO_LONG: { en: 'must be at most {maximum} characters', id: 'paling banyak {maximum} karakter' },
  TOO_FEW: { en: 'must list at least {minimum}', id: 'harus berisi minimal {minimum}' },
  TOO_MANY: { en: 'must list at most {maximum}', id: 'paling banyak berisi {maximum}' },
  TOO_SMALL: { en: 'must be at least {minimum}', id: 'paling kecil {minimum}' },
  TOO_LARGE: { en: 'must be at most {maximum}', id: 'paling besar {maximum}' },
  NOT_MULTIPLE: { en: 'must be a multiple of {divisor}', id: 'harus kelipatan {divisor}' },
  FORMAT_INVALID: { en: 'is not in the expected format', id: 'formatnya tidak sesuai' },
  WHOLE_NUMBER_EXPECTED: { en: 'must be a whole number from {min} to {max}', id: 'harus berupa bilangan bulat dari {min} sampai {max}' },
  EMAIL_INVALID: { en: 'must be a valid email address', id: 'harus berupa alamat email yang valid' },
  DATE_INVALID: { en: 'must be a real date written YYYY-MM-DD', id: 'harus berupa tanggal yang benar dengan format YYYY-MM-DD (tahun-bulan-tanggal)' },
  DATE_OUT_OF_RANGE: { en: 'must be between {earliest} and {latest}', id: 'harus di antara {earliest} dan {latest}' },
  TEXT_NOT_PRINTABLE_LINE: {
    en: 'must be printable text on one line: control, private-use or broken characters are not accepted',
    id: 'harus berupa teks satu baris yang dapat dicetak: karakter kontrol, karakter pribadi, atau karakter rusak tidak diterima',
  },
  TEXT_NOT_PRINTABLE: {
    en: 'must be printable text: control, private-use or broken characters are not accepted',
    id: 'harus berupa teks yang dapat dicetak: karakter kontrol, karakter pribadi, atau karakter rusak tidak diterima',
  },
  TEXT_EMPTY: { en: 'must not be empty', id: 'tidak boleh kosong' },
  TEXT_INVISIBLE: { en: 'must contain a visible character', id: 'harus berisi setidaknya satu karakter yang terlihat' },
  ID_INVALID: { en: 'must be 1 to 64 letters, digits, - or _', id: 'harus berisi 1 sampai 64 huruf, angka, - atau _' },
  COUNTRY_INVALID: { en: 'must be an ISO 3166-1 alpha-2 country code, such as ID or JP', id: 'harus berupa kode negara ISO 3166-1 alpha-2, misalnya ID atau JP' },
  COUNTRY_SUGGESTED: { en: 'must be an ISO 3166-1 alpha-2 country code: write {suggestion}', id: 'harus berupa kode negara ISO 3166-1 alpha-2: tulis {suggestion}' },
  CURSOR_MALFORMED: { en: 'is not a cursor issued by this API', id: 'bukan kursor yang diterbitkan oleh API ini' },
  CURSOR_ALTERED: { en: 'has been altered or was not issued by this API', id: 'telah diubah atau tidak diterbitkan oleh API ini' },
  CURSOR_OTHER_QUERY: { en: 'belongs to another query: repeat the query without it', id: 'milik pencarian lain: ulangi pencarian tanpa kursor ini' },
  IDEMPOTENCY_KEY_INVALID: { en: 'must be 1 to 200 visible ASCII characters', id: 'harus berisi 1 sampai 200 karakter ASCII yang terlihat' },
  BODY_EMPTY: { en: 'is empty: a request body is required', id: 'kosong: permintaan ini wajib memiliki isi' },
  BODY_NOT_JSON: { en: 'is not valid JSON ({reason})', id: 'bukan JSON yang valid ({reason})' },
  CSV_INVALID: { en: 'is not valid CSV ({reason})', id: 'bukan CSV yang valid ({reason})' },
  CSV_HEADER_INVALID: { en: 'must be exactly: {columns} ({reason})', id: 'harus persis: {columns} ({reason})' },

  // Agreements.
  AGREEMENT_NOT_FOUND: { en: 'No agreement {id} exists.', id: 'Kerja sama {id} tidak ditemukan.' },
  AGREEMENT_NUMBER_TAKEN: { en: 'Another agreement already has the number {number}.', id: 'Nomor {number} sudah dipakai oleh kerja sama lain.' },
  AGREEMENT_STALE: {
    en: 'Agreement {id} is at version {current}, not {expected}; read it again.',
    id: 'Kerja sama {id} sudah berada pada versi {current}, bukan {expected}; muat ulang datanya.',
  },
  AGREEMENT_CHANGED_SINCE: { en: 'Agreement {id} has changed since version {version}; read it again.', id: 'Kerja sama {id} sudah berubah sejak versi {version}; muat ulang datanya.' },
  AGREEMENT_CHANGED_MEANWHILE: { en: 'Agreement {id} was changed or renewed meanwhile; read it again.', id: 'Kerja sama {id} telah diubah atau diperbarui oleh orang lain; muat ulang datanya.' },
  AGREEMENT_WITHDRAWN: { en: 'Agreement {id} is withdrawn and cannot be {action}; restore it first.', id: 'Kerja sama {id} sudah ditarik sehingga tidak dapat {action}; pulihkan terlebih dahulu.' },
  AGREEMENT_TERMINATED: { en: 'Agreement {id} is TERMINATED and cannot be {action}.', id: 'Kerja sama {id} sudah diakhiri (TERMINATED) sehingga tidak dapat {action}.' },
  AGREEMENT_RENEWED: {
    en: 'Agreement {id} is RENEWED (its successor is {successor}) and cannot be {action}.',
    id: 'Kerja sama {id} sudah diperbarui (RENEWED; penggantinya {successor}) sehingga tidak dapat {action}.',
  },
  ACTION_CHANGED: { en: 'changed', id: 'diubah' },
  ACTION_WITHDRAWN: { en: 'withdrawn', id: 'ditarik' },
  ACTION_RENEWED: { en: 'renewed', id: 'diperbarui' },
  ACTION_TERMINATED: { en: 'terminated', id: 'diakhiri' },
  AGREEMENT_PARENT_MISMATCH: { en: 'The agreement does not fit its parent: {fields}.', id: 'Kerja sama ini tidak sesuai dengan induknya: {fields}.' },
  AGREEMENT_PARENT_CHANGED: {
    en: 'The parent agreement {parentId} changed meanwhile; send the request again.',
    id: 'Kerja sama induk {parentId} berubah sementara itu; kirim ulang permintaan.',
  },
  END_BEFORE_START: { en: 'must be on or after startsOn ({startsOn})', id: 'harus sama dengan atau setelah tanggal mulai, startsOn ({startsOn})' },
  PKS_TOO_LONG: {
    en: 'must be at most {years} years after startsOn for a PKS ({latest}); extend it with a renewal',
    id: 'untuk PKS paling lama {years} tahun setelah tanggal mulai ({latest}); lanjutkan dengan pembaruan',
  },
  PARENT_REQUIRED: { en: 'is required for a {kind}: name the agreement it implements', id: 'wajib diisi untuk {kind}: sebutkan kerja sama yang dilaksanakannya' },
  PARENT_SELF: { en: 'cannot name the agreement itself', id: 'tidak boleh menunjuk kerja sama ini sendiri' },
  PARENT_NOT_FOUND: { en: 'names no existing agreement ({parentId})', id: 'menunjuk kerja sama yang tidak ada ({parentId})' },
  PARENT_KIND_NOT_ALLOWED: {
    en: 'names a {parentKind}; a {kind} implements one of: {allowed}',
    id: 'menunjuk {parentKind}; {kind} hanya dapat melaksanakan salah satu dari: {allowed}',
  },
  PARENT_TERMINATED: { en: 'names a terminated agreement', id: 'menunjuk kerja sama yang sudah diakhiri' },
  PARENT_RENEWED: { en: 'names a renewed agreement: name its successor {successor}', id: 'menunjuk kerja sama yang sudah diperbarui: sebutkan penggantinya, {successor}' },
  START_BEFORE_PARENT: { en: "must be on or after the parent's startsOn ({parentStartsOn})", id: 'harus sama dengan atau setelah tanggal mulai induknya ({parentStartsOn})' },
  END_AFTER_PARENT: {
    en: "is after the parent's endsOn ({parentEndsOn}): renew the parent, or end this agreement with it",
    id: 'melewati tanggal berakhir induknya ({parentEndsOn}): perbarui induknya, atau akhiri kerja sama ini bersamanya',
  },
  STATUS_ONLY_TERMINATED: {
    en: 'can only be set to TERMINATED; the other statuses follow from the dates',
    id: 'hanya dapat diisi TERMINATED; status lainnya mengikuti tanggal',
  },
  TERMINATION_REASON_UNEXPECTED: { en: 'is only accepted together with "status": "TERMINATED"', id: 'hanya diterima bersama "status": "TERMINATED"' },
  TERMINATION_REASON_REQUIRED: { en: 'is required to terminate an agreement', id: 'wajib diisi untuk mengakhiri kerja sama' },

  // Employees and training.
  EMPLOYEE_NOT_FOUND: { en: 'No employee with this NIP is registered.', id: 'Tidak ada pegawai terdaftar dengan NIP ini.' },
  EMPLOYEE_EXISTS: {
    en: 'This employee already exists: to replace it, send If-Match with the ETag of the version you read.',
    id: 'Pegawai ini sudah terdaftar: untuk menggantinya, kirim If-Match berisi ETag versi yang Anda baca.',
  },
  EMPLOYEE_STALE: { en: 'The employee is no longer at version {version}; read it again.', id: 'Data pegawai sudah bukan versi {version}; muat ulang datanya.' },
  TRAINING_NOT_FOUND: { en: 'No training {id} is recorded for this employee.', id: 'Pelatihan {id} tidak tercatat untuk pegawai ini.' },
  TRAINING_AGREEMENT_NOT_FOUND: { en: 'agreementId: no agreement {agreementId} exists.', id: 'agreementId: kerja sama {agreementId} tidak ada.' },
  TRAINING_DUPLICATE: {
    en: 'This training is already recorded for this employee (same title, provider and dates).',
    id: 'Pelatihan ini sudah tercatat untuk pegawai ini (judul, penyelenggara, dan tanggal yang sama).',
  },
  CERTIFICATE_DUPLICATE: {
    en: 'A training with this certificate number is already recorded for this employee.',
    id: 'Pelatihan dengan nomor sertifikat ini sudah tercatat untuk pegawai ini.',
  },
  AGREEMENT_REFERENCE_NOT_FOUND: { en: 'names no existing agreement', id: 'menunjuk kerja sama yang tidak ada' },

  // Rows of a roster (imports): an error follows its column's name; one about the whole row is a sentence of its own.
  ROW_EXTRA_VALUES: {
    en: 'the row has {count} value(s) beyond the {columns} columns of the header ({values}): quote a value that contains a {delimiter}',
    id: 'baris ini memiliki {count} nilai di luar {columns} kolom header ({values}): beri tanda kutip pada nilai yang memuat {delimiter}',
  },
  DELIMITER_COMMA: { en: 'comma', id: 'koma' },
  DELIMITER_SEMICOLON: { en: 'semicolon', id: 'titik koma' },
  NIP_EXCEL_ROUNDED: {
    en: 'looks like a number Excel rounded ({value}): format the NIP column as Text and export the file again',
    id: 'tampaknya angka yang dibulatkan Excel ({value}): format kolom NIP sebagai Teks lalu ekspor ulang berkas',
  },
  ROSTER_HOURS_FORMAT: { en: 'must be a plain number of hours such as 7.5 or 7,5 (not {value})', id: 'harus berupa angka jam biasa seperti 7,5 atau 7.5 (bukan {value})' },
  ROSTER_METHOD_UNKNOWN: { en: 'must be one of {accepted} (not {value})', id: 'harus salah satu dari {accepted} (bukan {value})' },
  ROSTER_DATE_INVALID: {
    en: 'must be a real date written YYYY-MM-DD or dd/mm/yyyy',
    id: 'harus berupa tanggal yang benar dengan format YYYY-MM-DD atau dd/mm/yyyy',
  },
  ROW_NOT_A_TRAINING: { en: 'the row is not a valid training', id: 'baris ini bukan data pelatihan yang valid' },
  ROW_NOT_AN_EMPLOYEE: { en: 'the row is not a valid employee', id: 'baris ini bukan data pegawai yang valid' },
  ROW_EMPLOYEE_UNKNOWN: { en: 'names no registered employee', id: 'bukan NIP pegawai yang terdaftar' },
  ROW_AGREEMENT_UNKNOWN: { en: 'names no existing agreement ({agreementId})', id: 'menunjuk kerja sama yang tidak ada ({agreementId})' },
  ROW_NOT_ANSWERED: {
    en: 'the row was not stored: the database did not answer in time; import the file again (rows already stored count as duplicates)',
    id: 'baris ini belum tersimpan: basis data tidak menjawab tepat waktu; impor ulang berkas (baris yang sudah tersimpan dihitung sebagai duplikat)',
  },
  IMPORT_REJECTED_LISTED: {
    en: 'Only the first {listed} of the {rejected} rejected rows are listed; fix them and import the file again.',
    id: 'Hanya {listed} dari {rejected} baris yang ditolak yang ditampilkan; perbaiki lalu impor ulang berkas.',
  },
  ROW_NOT_STORED: { en: 'the row could not be stored; check its values', id: 'baris ini tidak dapat disimpan; periksa nilainya' },
  JP_NOT_WHOLE: { en: 'must be a whole number of JP', id: 'harus bilangan bulat JP' },
  LENGTH_ONE_UNIT: { en: 'give either hours or jp, not both and not neither', id: 'isi jam atau JP, salah satu saja' },
  HOURS_NOT_NUMBER: { en: 'must be a number of hours', id: 'harus berupa jumlah jam (angka)' },
  HOURS_NOT_QUARTER: { en: 'must be a positive multiple of 0.25 (15 minutes)', id: 'harus kelipatan positif dari 0,25 (15 menit)' },
  HOURS_OVER_DAILY_LIMIT: {
    en: 'must be at most {maximum} ({perDay} per day over {days} day(s))',
    id: 'paling banyak {maximum} ({perDay} jam per hari selama {days} hari)',
  },

  // NIP: each problem names the part of the number that is wrong (clerks look for the typo).
  NIP_DIGITS_ONLY: { en: 'must contain digits only', id: 'hanya boleh berisi angka' },
  NIP_LENGTH: { en: 'must be 18 digits long, not {length}', id: 'harus 18 digit, bukan {length}' },
  NIP_BIRTH_DATE_INVALID: {
    en: 'digits 1–8 (birth date, YYYYMMDD) {digits} are not a real date',
    id: 'digit 1–8 (tanggal lahir, TTTTBBHH) {digits} bukan tanggal yang benar',
  },
  NIP_BIRTH_DATE_FUTURE: { en: 'digits 1–8 (birth date, YYYYMMDD) {digits} are in the future', id: 'digit 1–8 (tanggal lahir, TTTTBBHH) {digits} berada di masa depan' },
  NIP_BIRTH_DATE_TOO_EARLY: {
    en: 'digits 1–8 (birth date, YYYYMMDD) {digits} are before {earliest}: no holder of an 18-digit NIP was born that early',
    id: 'digit 1–8 (tanggal lahir, TTTTBBHH) {digits} sebelum {earliest}: tidak ada pemegang NIP 18 digit yang lahir sedini itu',
  },
  NIP_TMT_TOO_LATE: { en: 'digits 9–14 (TMT CPNS, YYYYMM) {digits} are later than {year}', id: 'digit 9–14 (TMT CPNS, TTTTBB) {digits} melewati tahun {year}' },
  NIP_TMT_TOO_YOUNG: {
    en: 'digits 9–14 (TMT CPNS, YYYYMM) {digits} are before the holder turned {age} ({youngest}), the youngest age of appointment',
    id: 'digit 9–14 (TMT CPNS, TTTTBB) {digits} sebelum pemegangnya berusia {age} tahun ({youngest}), usia termuda untuk diangkat',
  },
  NIP_TMT_TOO_OLD: {
    en: "digits 9–14 (TMT CPNS, YYYYMM) {digits} are after the holder's {age}th year (born {born}), the oldest age of appointment",
    id: 'digit 9–14 (TMT CPNS, TTTTBB) {digits} setelah pemegangnya melewati usia {age} tahun (lahir {born}), usia tertua untuk diangkat',
  },
  NIP_TYPE_CODE_INVALID: {
    en: 'digits 13–14 {digits} are neither a TMT CPNS month (01–12) nor a PPPK code ({first}–99)',
    id: 'digit 13–14 {digits} bukan bulan TMT CPNS (01–12) dan bukan kode PPPK ({first}–99)',
  },
  NIP_PPPK_YEAR_TOO_EARLY: {
    en: 'digits 9–12 (PPPK appointment year) {digits} are before {first}, when PPPK began; nor can it be a PNS number: digits 13–14 {code} are not a TMT month (01–12)',
    id: 'digit 9–12 (tahun pengangkatan PPPK) {digits} sebelum {first}, tahun PPPK dimulai; juga bukan NIP PNS: digit 13–14 {code} bukan bulan TMT (01–12)',
  },
  NIP_PPPK_YEAR_TOO_LATE: {
    en: 'digits 9–12 (PPPK appointment year) {digits} are later than {year}',
    id: 'digit 9–12 (tahun pengangkatan PPPK) {digits} melewati tahun {year}',
  },
  NIP_PPPK_AGE: {
    en: 'digits 9–12 (PPPK appointment year) {digits} make the holder (born {born}) {age} that year; a PPPK is appointed aged {min} to {max}',
    id: 'digit 9–12 (tahun pengangkatan PPPK) {digits} membuat pemegangnya (lahir {born}) berusia {age} tahun saat itu; PPPK diangkat pada usia {min} sampai {max} tahun',
  },
  NIP_GENDER_INVALID: { en: 'digit 15 (gender) must be 1 or 2, not {digit}', id: 'digit 15 (jenis kelamin) harus 1 atau 2, bukan {digit}' },
  NIP_SEQUENCE_INVALID: { en: 'digits 16–18 (sequence) must be 001 or higher', id: 'digit 16–18 (nomor urut) harus 001 atau lebih' },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageCode = keyof typeof messages;

export const messageCodes = Object.keys(messages) as MessageCode[];

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(messages, code);
}

/** A message in a language, its `{name}` placeholders filled (an unknown one is left visible). */
export function render(code: MessageCode, params: Params = {}, language: Language = 'en'): string {
  return messages[code][language].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    if (!Object.hasOwn(params, name)) return placeholder;
    const value = params[name]!;
    return typeof value === 'object' ? render(value.code, {}, language) : String(value);
  });
}
