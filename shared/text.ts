/**
 * Text in its comparable form, for keys and matching: the same name or number written with other
 * case, spacing or Unicode composition compares equal (`Dinas  Kesehatan` and `dinas kesehatan`
 * are one unit; `NK/001` and `nk/001` one document number).
 */
export function keyText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Text as people search for it: `keyText` without accents, so that `sit` finds `Siti` and
 * `Sitì`, and `muh` finds `Muh.` whatever the case.
 */
export function searchText(text: string): string {
  return keyText(text.normalize('NFD').replace(/\p{M}/gu, ''));
}
