// The 200 KB paste used by the protect end-to-end test and the browser benchmark:
// plain German text with an e-mail and an IBAN at the very end.
export const PASTE_EMAIL = 'anna.berger@example.org';
export const PASTE_IBAN = 'DE89 3704 0044 0532 0130 00';

export function pasteText() {
  const filler = 'Der Kunde meldet sich wegen der Rechnung vom letzten Monat und bittet um Rückruf. ';
  let big = '';
  while (big.length < 200 * 1024) big += filler;
  return big + `Kontakt: ${PASTE_EMAIL}, IBAN ${PASTE_IBAN}`;
}
