/**
 * Zone names Intl lists under an older spelling (ICU keeps the name a zone first had); learners see the current
 * IANA name. From tzdata 2025b: the geographic zones whose current name Intl.supportedValuesOf leaves out.
 */
const CURRENT_NAMES: ReadonlyMap<string, string> = new Map([
  ['Africa/Asmera', 'Africa/Asmara'],
  ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
  ['America/Catamarca', 'America/Argentina/Catamarca'],
  ['America/Cordoba', 'America/Argentina/Cordoba'],
  ['America/Jujuy', 'America/Argentina/Jujuy'],
  ['America/Mendoza', 'America/Argentina/Mendoza'],
  ['America/Coral_Harbour', 'America/Atikokan'],
  ['America/Indianapolis', 'America/Indiana/Indianapolis'],
  ['America/Louisville', 'America/Kentucky/Louisville'],
  ['America/Godthab', 'America/Nuuk'],
  ['Asia/Saigon', 'Asia/Ho_Chi_Minh'],
  ['Asia/Katmandu', 'Asia/Kathmandu'],
  ['Asia/Calcutta', 'Asia/Kolkata'],
  ['Asia/Rangoon', 'Asia/Yangon'],
  ['Atlantic/Faeroe', 'Atlantic/Faroe'],
  ['Europe/Kiev', 'Europe/Kyiv'],
  ['Pacific/Truk', 'Pacific/Chuuk'],
  ['Pacific/Enderbury', 'Pacific/Kanton'],
  ['Pacific/Ponape', 'Pacific/Pohnpei'],
]);

/**
 * Links Intl accepts but does not list, spelled as IANA spells them, where capitalising each word would not
 * give that spelling back ("US/Pacific", not "Us/Pacific"). From the `L` lines of tzdata 2025b.
 */
const LINK_SPELLINGS = [
  'Australia/ACT',
  'Australia/LHI',
  'Australia/NSW',
  'Brazil/DeNoronha',
  'Chile/EasterIsland',
  'GB',
  'GB-Eire',
  'Mexico/BajaNorte',
  'Mexico/BajaSur',
  'NZ',
  'NZ-CHAT',
  'PRC',
  'ROC',
  'ROK',
  'US/Alaska',
  'US/Aleutian',
  'US/Arizona',
  'US/Central',
  'US/East-Indiana',
  'US/Eastern',
  'US/Hawaii',
  'US/Indiana-Starke',
  'US/Michigan',
  'US/Mountain',
  'US/Pacific',
  'US/Samoa',
  'W-SU',
  'America/Knox_IN',
  'America/Argentina/ComodRivadavia',
];

let zoneList: string[] | undefined;
/** Every IANA zone this runtime knows, by its current name, plus UTC: what suggestions offer. */
export function knownTimeZones(): string[] {
  zoneList ??= [
    ...new Set([...Intl.supportedValuesOf('timeZone').map((zone) => CURRENT_NAMES.get(zone) ?? zone), 'UTC']),
  ].sort();
  return zoneList;
}

/** Older names and the current name each stands for ("Europe/Kiev" -> "Europe/Kyiv"), so a learner who knows the old one finds the zone. */
export function formerNames(): Array<[string, string]> {
  return [...CURRENT_NAMES];
}

let spellings: Map<string, string> | undefined;
/** The IANA spelling of a zone name typed in any case, when it is one this bot knows how to spell. */
export function ianaSpelling(text: string): string | undefined {
  spellings ??= new Map(
    [...knownTimeZones(), ...CURRENT_NAMES.keys(), ...LINK_SPELLINGS].map((zone) => [zone.toLowerCase(), zone]),
  );
  return spellings.get(text.toLowerCase());
}
