/**
 * A sort key whose plain binary order (SQLite's default collation) is the
 * Vietnamese alphabetical order that `Intl.Collator('vi')` gives: letters
 * first (a ă â b c d đ e ê … o ô ơ … u ư …, case and tone ignored), then
 * tones (none, huyền, hỏi, ngã, sắc, nặng), then case (lower first). better-sqlite3
 * cannot register a collation, so the read models store this key beside the name.
 */
const ALPHABET = [
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'w',
  'x',
  'y',
  'z',
];
const LETTER_RANK = new Map(ALPHABET.map((letter, index) => [letter, index]));
/** Tone marks in the order the Vietnamese collation ranks them (none first). */
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
/** Marks that make another letter (ă â ê ô ơ ư) rather than a tone. */
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031b']);
const SEPARATOR = '\u0001';

interface Letter {
  primary: string;
  tone: number;
  upper: boolean;
}

function lettersOf(text: string): Letter[] {
  const letters: Letter[] = [];
  for (const char of text.normalize('NFD')) {
    const previous = letters[letters.length - 1];
    const tone = TONES.indexOf(char);
    if (tone >= 0 && previous) {
      previous.tone = tone + 1;
      continue;
    }
    if (LETTER_MARKS.has(char) && previous) {
      const base = ALPHABET[previous.primary.charCodeAt(0) - 0x40];
      const combined = (base + char).normalize('NFC');
      if (LETTER_RANK.has(combined)) previous.primary = String.fromCharCode(0x40 + LETTER_RANK.get(combined)!);
      continue;
    }
    const lower = char.toLowerCase();
    const rank = LETTER_RANK.get(lower);
    const code = char.charCodeAt(0);
    const primary =
      rank !== undefined
        ? String.fromCharCode(0x40 + rank)
        : /\d/.test(char)
          ? String.fromCharCode(0x20 + Number(char))
          : // Spaces and punctuation sort before digits and letters, as in the collation.
            String.fromCharCode(code < 0x30 ? code - 0x1e : 0x11);
    letters.push({ primary, tone: 0, upper: lower !== char });
  }
  return letters;
}

export function vietnameseSortKey(text: string): string {
  const letters = lettersOf(text);
  const primary = letters.map((letter) => letter.primary).join('');
  const tones = letters.map((letter) => String.fromCharCode(0x02 + letter.tone)).join('');
  const cases = letters.map((letter) => (letter.upper ? '\u0003' : '\u0002')).join('');
  return `${primary}${SEPARATOR}${tones}${SEPARATOR}${cases}`;
}
