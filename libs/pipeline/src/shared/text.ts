/**
 * Names, places and notes are Vietnamese: stored in NFC with outer spaces
 * trimmed, so the same name typed on two keyboards is the same text.
 */
export function nfc(text: string): string {
  return text.normalize('NFC').trim();
}

export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}
