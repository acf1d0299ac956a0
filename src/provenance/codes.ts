/**
 * Code lists the license terms (and the team policy's licence defaults) are validated
 * against. Plain data, no dependency.
 *
 * Source: Debian `iso-codes` 4.15 (salsa.debian.org/iso-codes-team/iso-codes), which
 * tracks the ISO 3166 and ISO 4217 maintenance agencies.
 * - Countries: every officially assigned ISO 3166-1 alpha-2 code (249).
 * - Currencies: ISO 4217 codes a fee can be paid in: the list above without the
 *   precious metals (XAU, XAG, XPD, XPT), bond-market units (XBA…XBD), the SUCRE and
 *   ADB units of account (XSU, XUA), the test and "no currency" codes (XTS, XXX) and the withdrawn
 *   Croatian kuna (HRK, replaced by EUR in 2023); plus the two codes introduced since:
 *   ZWG (Zimbabwe Gold, 2024) and XCG (Caribbean guilder, 2025).
 */

/** ISO 3166-1 alpha-2, officially assigned. */
export const ISO_3166_ALPHA2: readonly string[] = 'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'.split(' ')

/** ISO 4217 alphabetic codes accepted for fees and royalties. */
export const ISO_4217_CURRENCIES: readonly string[] = 'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XDR XOF XPF YER ZAR ZMW ZWG ZWL'.split(' ')
