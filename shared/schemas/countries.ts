/**
 * ISO 3166-1 alpha-2: the 249 officially assigned codes. Intl.DisplayNames also names
 * user-assigned and reserved codes (XA, XK, EU, UN, QO, UK…), so it cannot be the list.
 */
export const countryCodes = 'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'.split(' ');
const ISO_3166_1 = new Set(countryCodes);

/** Codes people write instead of the ISO one (reserved or exceptionally reserved by ISO). */
const insteadOf: Record<string, string> = { UK: 'GB', EL: 'GR', FX: 'FR' };

export function isCountryCode(code: string): boolean {
  return ISO_3166_1.has(code);
}

/**
 * What the writer probably meant, for the error message: the ISO code for a common stand-in
 * (`UK` → `GB`) or for a country's name in English or Indonesian (`Jepang` → `JP`).
 */
export function suggestCountryCode(written: string): string | undefined {
  const upper = written.trim().toUpperCase();
  if (insteadOf[upper]) return insteadOf[upper];
  if (isCountryCode(upper)) return upper;
  if (upper.length === 3) return undefined;
  const wanted = written.trim().toLowerCase();
  for (const language of ['en', 'id']) {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    for (const code of ISO_3166_1) if (names.of(code)?.toLowerCase() === wanted) return code;
  }
  return undefined;
}
