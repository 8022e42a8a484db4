// Warming the engine up: the first scan after start-up also builds what the engine
// makes on first use (word lists, name and street tables, the patterns a text needs and
// their search caches) and runs code the browser has not compiled yet (V8 compiles each
// function of the module on its first call); scanning a fixed sample of every kind once,
// right after protection is ready, moves that cost out of the first keystroke or paste.
// protect()'s worker does it as it starts, which compiles the code for the page too
// (the compiled module is the page's); without a worker the page does it at idle. The
// sample is this constant (made-up values), never anything of the page.
import { mark } from '../marks.js';

export const WARM_TEXT = 'Hallo, hier Maria Huber, geb. 12.03.1985, Hauptstraße 12/3, 1010 Wien, '
  + 'IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX, Tel. +43 664 1234567, maria.huber@example.at, '
  + 'Steuer-ID 65929970489, USt-IdNr. ATU13585627, KVNR: A123456780, Kennzeichen W-12345A, Benutzername: mhuber, '
  + 'IP-Adresse 84.115.20.3, MAC 00:1A:2B:3C:4D:5E, https://www.linkedin.com/in/maria-huber\n'
  + 'This is Mr John Smith, 221B Baker Street, London NW1 6XE, card 4111 1111 1111 1111, born on 3 May 1990.';

/** Scans the sample once with `scanner` (a scanner or a rescanner handle); errors are ignored. */
export function warm(scanner, options) {
  try {
    scanner.redact(WARM_TEXT, options);
    mark('warmed');
  } catch (_) { /* warming is an optimisation only */ }
}
