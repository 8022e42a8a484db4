#!/usr/bin/env python3
"""Generate cross-check vectors for the validators in src/validate/ (read by
src/validate/tests.rs).

Usage:  pip install python-stdnum==2.2 && python3 tests/gen_validate_vectors.py

Writes tests/data/validate_vectors.jsonl, one JSON object per line:

    {"validator":"de_steuer_idnr","value":"86095742719","valid":true}

The expected result comes from python-stdnum wherever it implements the
identifier; the Rust module is an independent implementation written from
the official rules, so agreement between the two is a meaningful check.
For identifiers stdnum does not cover (German RVNR, KVNR, identity card and
passport numbers, UK NINO, card brand detection) the expectation is computed
by the small reference functions below, written straight from the rule text.

Values are the compact form the Rust validators expect (no separators,
upper case, ASCII). Valid values are generated from random bodies with the
check characters filled in; invalid values are mutations of valid ones
(one character substituted by another of the same class, two adjacent
characters swapped, one character dropped or added). Every mutated value is
re-evaluated by the oracle, so a mutation that happens to stay valid is
recorded as valid.

Where stdnum and the official rule disagree, the official rule wins and the
oracle below is adjusted; each adjustment is marked "RULE:" and mirrors a
documented decision in src/validate/:

* de_steuer_idnr: stdnum does not enforce the BZSt rule that a digit
  occurring three times must not occupy three consecutive positions.
* at_svnr: stdnum does not check the birth date part; we require day 01-31
  and month 01-12 or the Hauptverband pseudo-months 13-15.
* fr_nir: stdnum does not check the sex digit (1,2,3,4,7,8) or the month
  (01-12, 20-42, 50-99).
* it_codice_fiscale: stdnum derives a full birth date and rejects 29 February
  in years it considers non-leap; the century is not encoded, so 29 February
  is always accepted.  11-digit codes are out of scope (see it_vat).
* us_ssn: 123-45-6789 (the ubiquitous example number) is rejected as a
  sample number; 457-55-5462, a real number that was widely published, is
  not rejected (stdnum blacklists it).
* gb_vat: stdnum also accepts a weighted total of 55 (mod 97) for numbers
  from 100 upward; HMRC documents only modulus 97 (total = 0) and modulus
  9755 (total + 55 = 0, i.e. total = 42).  The all-zero number is rejected.
* es_vat: CIF organisation letters A, B, E, H must use a numeric control
  digit and N, P, Q, S, W a control letter; stdnum accepts either form.
* fr_vat: keys containing letters are checked for format only, so only the
  SIREN part of such values is mutated.
* iban: national check digits are verified for ES only, so stdnum is asked
  with check_country=False for all other countries.  Check digits 00, 01
  and 99 are never issued and are rejected.
* eu_vat: prefixes without a dedicated Rust validator are format-only, so
  only stdnum-valid values and length/format mutations are emitted for them.
"""

import json
import os
import random
import string

import stdnum
from stdnum import bic as s_bic
from stdnum import iban as s_iban
from stdnum import luhn as s_luhn
from stdnum.at import uid as s_at_uid
from stdnum.at import vnr as s_at_vnr
from stdnum.be import vat as s_be_vat
from stdnum.ch import ssn as s_ch_ssn
from stdnum.ch import uid as s_ch_uid
from stdnum.de import idnr as s_de_idnr
from stdnum.de import vat as s_de_vat
from stdnum.es import ccc as s_es_ccc
from stdnum.es import dni as s_es_dni
from stdnum.es import nie as s_es_nie
from stdnum.es import nif as s_es_nif
from stdnum.eu import vat as s_eu_vat
from stdnum.fr import nir as s_fr_nir
from stdnum.fr import tva as s_fr_tva
from stdnum.gb import nhs as s_gb_nhs
from stdnum.gb import vat as s_gb_vat
from stdnum.it import codicefiscale as s_it_cf
from stdnum.it import iva as s_it_iva
from stdnum.nl import bsn as s_nl_bsn
from stdnum.nl import btw as s_nl_btw
from stdnum.pl import nip as s_pl_nip
from stdnum.us import ssn as s_us_ssn

SEED = 20240611
N_VALID = 100
N_INVALID = 140
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'validate_vectors.jsonl')

rng = random.Random(SEED)
DIGITS = string.digits
UPPER = string.ascii_uppercase


def rdigits(n):
    return ''.join(rng.choice(DIGITS) for _ in range(n))


def rletters(n, alphabet=UPPER):
    return ''.join(rng.choice(alphabet) for _ in range(n))


def fill_last(body, alphabet, oracle):
    """Return body + the first character of alphabet that makes it valid."""
    for c in alphabet:
        if oracle(body + c):
            return body + c
    return None


# ---------------------------------------------------------------------------
# Reference functions for identifiers stdnum does not cover.
# ---------------------------------------------------------------------------

def digit_sum(n):
    return sum(int(c) for c in str(n))


def ref_rvnr(v):
    """§ 2 VKVV: 2 area, DDMMYY, letter, 2 serial, check digit."""
    if len(v) != 12 or not (v[:8].isdigit() and v[8] in UPPER and v[9:].isdigit()):
        return False
    day, month = int(v[2:4]), int(v[4:6])
    if month > 12 or not (day <= 95 or day == 97):
        return False
    pos = '%02d' % (ord(v[8]) - 64)
    digits = v[:8] + pos + v[9:11]
    w = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
    return sum(digit_sum(int(d) * x) for d, x in zip(digits, w)) % 10 == int(v[11])


def ref_kvnr(v):
    """§ 290 SGB V: letter (A=01) + 8 digits + check, weights 1,2."""
    if len(v) != 10 or v[0] not in UPPER or not v[1:].isdigit():
        return False
    digits = '%02d' % (ord(v[0]) - 64) + v[1:9]
    s = sum(digit_sum(int(d) * (1 if i % 2 == 0 else 2)) for i, d in enumerate(digits))
    return s % 10 == int(v[9])


DOC_ALPHABET = DIGITS + 'CFGHJKLMNPRTVWXYZ'


def icao(v):
    vals = [int(c) if c.isdigit() else ord(c) - 55 for c in v]
    return sum(x * [7, 3, 1][i % 3] for i, x in enumerate(vals)) % 10


def ref_idcard(v):
    return (len(v) == 10 and all(c in DOC_ALPHABET for c in v[:9]) and v[9].isdigit()
            and icao(v[:9]) == int(v[9]))


def ref_passport(v):
    if len(v) not in (9, 10) or v[0] not in 'CFGHJK' or not all(c in DOC_ALPHABET for c in v[:9]):
        return False
    if len(v) == 10:
        return v[9].isdigit() and icao(v[:9]) == int(v[9])
    return True


def ref_nino(v):
    bad = 'DFIQUV'
    return (len(v) == 9 and v[0] in UPPER and v[1] in UPPER and v[2:8].isdigit()
            and v[8] in 'ABCD' and v[0] not in bad and v[1] not in bad + 'O'
            and v[:2] not in ('BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'))


def card_brand(v):
    """Card-network IIN table (see credit_card in src/validate/bank.rs)."""
    n = len(v)

    def p(k, lo, hi):
        return len(v) >= k and lo <= int(v[:k]) <= hi
    if p(2, 34, 34) or p(2, 37, 37):
        return 'amex', n == 15
    if p(3, 300, 305) or p(4, 3095, 3095) or p(2, 36, 36) or p(2, 38, 39):
        return 'diners', 14 <= n <= 19
    if p(4, 3528, 3589):
        return 'jcb', 16 <= n <= 19
    if v[:1] == '4':
        return 'visa', n in (13, 16, 19)
    if p(2, 51, 55) or p(4, 2221, 2720):
        return 'mastercard', n == 16
    if any(p(4, x, x) for x in (5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763)):
        return 'maestro', 12 <= n <= 19
    if p(4, 6011, 6011) or p(3, 644, 649) or p(2, 65, 65):
        return 'discover', 16 <= n <= 19
    if p(2, 62, 62):
        return 'unionpay', 16 <= n <= 19
    return None, False


def ref_card(v):
    if not v.isdigit() or len(v) > 19:
        return False
    brand, len_ok = card_brand(v)
    return brand is not None and len_ok and s_luhn.is_valid(v)


# ---------------------------------------------------------------------------
# Oracles: stdnum plus the documented RULE adjustments.
# ---------------------------------------------------------------------------

def o_idnr(v):
    if not s_de_idnr.is_valid(v):
        return False
    # RULE: a digit occurring three times must not be in three consecutive places.
    return not any(v[i] == v[i + 1] == v[i + 2] for i in range(8))


def o_at_svnr(v):
    if not s_at_vnr.is_valid(v) or len(v) != 10 or not v.isdigit():
        return False
    # RULE: date part DDMMYY with month 01-15 (13-15 Hauptverband pseudo-months).
    return 1 <= int(v[4:6]) <= 31 and 1 <= int(v[6:8]) <= 15


def o_fr_nir(v):
    if len(v) != 15 or not s_fr_nir.is_valid(v):
        return False
    # RULE: sex digit and month ranges (INSEE).
    m = int(v[3:5])
    return v[0] in '123478' and (1 <= m <= 12 or 20 <= m <= 42 or m >= 50)


CF_MONTHS = 'ABCDEHLMPRST'
CF_OMO = 'LMNPQRSTUV'


def cf_num(c):
    return int(c) if c.isdigit() else CF_OMO.index(c)


def o_cf(v):
    if len(v) != 16:
        return False
    try:
        s_it_cf.validate(v)
        return True
    except stdnum.exceptions.InvalidComponent:
        # RULE: 29 February is accepted for every two-digit year.
        pass
    except stdnum.exceptions.ValidationError:
        return False
    try:
        day = cf_num(v[9]) * 10 + cf_num(v[10])
    except ValueError:
        return False
    day = day - 40 if day > 40 else day
    if v[8] == 'B' and day == 29:
        return s_it_cf.calc_check_digit(v[:15]) == v[15]
    return False


def o_ssn(v):
    # RULE: 123-45-6789 is a sample number; 457-55-5462 is not blacklisted.
    if v == '123456789':
        return False
    if v == '457555462':
        return True
    return len(v) == 9 and v.isdigit() and s_us_ssn.is_valid(v)


def gb_total(d):
    return sum(int(c) * w for c, w in zip(d[:7], [8, 7, 6, 5, 4, 3, 2])) + int(d[7:9])


def o_gb_vat(v):
    if not v.startswith('GB'):
        return False
    b = v[2:]
    if not s_gb_vat.is_valid(v):
        return False
    if len(b) in (9, 12):
        # RULE: modulus 97, 9755 and remainder 55 (as stdnum); all-zero rejected.
        if int(b[:9]) == 0:
            return False
        t = gb_total(b) % 97
        return t == 0 or (int(b[:3]) >= 100 and t in (42, 55))
    if len(b) == 11:
        return False  # GD8888/HA8888 forms are not implemented
    return True


def cif_type_ok(n):
    # RULE: A, B, E, H → digit; N, P, Q, S, W → letter.
    if n[0] in 'ABEH':
        return n[8].isdigit()
    if n[0] in 'NPQSW':
        return n[8].isalpha()
    return True


def o_es_vat(v):
    if len(v) != 11 or not v.startswith('ES'):
        return False
    n = v[2:]
    if not s_es_nif.is_valid(n):
        return False
    if n[0] in 'ABCDEFGHJNPQRSUVW':
        return cif_type_ok(n)
    return True


def o_fr_vat(v):
    return len(v) == 13 and v.startswith('FR') and s_fr_tva.is_valid(v[2:])


def o_iban(v):
    if len(v) < 4 or v[2:4] in ('00', '01', '99'):
        return False
    if not all(c in DIGITS + UPPER for c in v):
        return False
    return s_iban.is_valid(v) if v.startswith('ES') else _iban_nocc(v)


def _iban_nocc(v):
    try:
        s_iban.validate(v, check_country=False)
        return True
    except stdnum.exceptions.ValidationError:
        return False


def o_prefixed(prefix, mod, length):
    def f(v):
        return len(v) == length and v.startswith(prefix) and mod.is_valid(v)
    return f


ORACLES = {
    'luhn': lambda v: v.isdigit() and s_luhn.is_valid(v),
    'credit_card': ref_card,
    'iban': o_iban,
    'bic': lambda v: len(v) in (8, 11) and s_bic.is_valid(v),
    'de_steuer_idnr': o_idnr,
    'de_rvnr': ref_rvnr,
    'de_idcard': ref_idcard,
    'de_passport': ref_passport,
    'de_kvnr': ref_kvnr,
    'at_svnr': o_at_svnr,
    'ch_ahv': lambda v: len(v) == 13 and v.isdigit() and s_ch_ssn.is_valid(v),
    'us_ssn': o_ssn,
    'uk_nino': ref_nino,
    'uk_nhs': lambda v: len(v) == 10 and v.isdigit() and s_gb_nhs.is_valid(v),
    'fr_nir': o_fr_nir,
    'it_codice_fiscale': o_cf,
    'es_dni': lambda v: len(v) == 9 and v[:8].isdigit() and s_es_dni.is_valid(v),
    'es_nie': lambda v: len(v) == 9 and s_es_nie.is_valid(v),
    'nl_bsn': lambda v: len(v) in (8, 9) and v.isdigit() and s_nl_bsn.is_valid(v.zfill(9)),
    'at_uid': o_prefixed('ATU', s_at_uid, 11),
    'de_vat': o_prefixed('DE', s_de_vat, 11),
    'ch_uid': o_prefixed('CHE', s_ch_uid, 12),
    'fr_vat': o_fr_vat,
    'it_vat': o_prefixed('IT', s_it_iva, 13),
    'es_vat': o_es_vat,
    'nl_vat': o_prefixed('NL', s_nl_btw, 14),
    'be_vat': lambda v: v.startswith('BE') and len(v) in (11, 12) and v[2:].isdigit() and s_be_vat.is_valid(v),
    'pl_vat': o_prefixed('PL', s_pl_nip, 12),
    'gb_vat': o_gb_vat,
}

# ---------------------------------------------------------------------------
# Generators of valid values.
# ---------------------------------------------------------------------------


def gen_luhn():
    return fill_last(rdigits(rng.randint(2, 24)), DIGITS, ORACLES['luhn'])


CARD_PREFIXES = [('4', (13, 16, 19)), ('51', (16,)), ('55', (16,)), ('2221', (16,)), ('2720', (16,)),
                 ('34', (15,)), ('37', (15,)), ('300', (14,)), ('305', (16,)), ('36', (14,)),
                 ('3095', (14,)), ('38', (16,)), ('3528', (16,)), ('3589', (19,)), ('6011', (16,)),
                 ('644', (16,)), ('65', (19,)), ('62', (16, 19)), ('5018', (12, 19)),
                 ('6759', (16,)), ('6763', (18,))]


def gen_card():
    prefix, lengths = rng.choice(CARD_PREFIXES)
    n = rng.choice(lengths)
    return fill_last(prefix + rdigits(n - len(prefix) - 1), DIGITS, ref_card)


IBAN_STRUCT = {}


def _load_iban_structs():
    import re
    path = os.path.join(os.path.dirname(s_iban.__file__), 'iban.dat')
    for line in open(path):
        m = re.match(r'^([A-Z]{2}) .*bban="([^"]*)"', line)
        if m:
            IBAN_STRUCT[m.group(1)] = re.findall(r'(\d+)!?([nac])', m.group(2))


_load_iban_structs()


def gen_iban():
    cc = rng.choice(sorted(IBAN_STRUCT))
    bban = ''
    for n, kind in IBAN_STRUCT[cc]:
        alpha = {'n': DIGITS, 'a': UPPER, 'c': DIGITS + UPPER}[kind]
        bban += ''.join(rng.choice(alpha) for _ in range(int(n)))
    if cc == 'ES':
        bank, branch, acct = bban[:4], bban[4:8], bban[10:]
        bban = bank + branch + s_es_ccc.calc_check_digits(bank + branch + '00' + acct) + acct
    check = s_iban.calc_check_digits(cc + '00' + bban)
    v = cc + check + bban
    return v if o_iban(v) else None


def gen_bic():
    cc = rng.choice(sorted(s_bic._country_codes))
    v = rletters(4) + cc + rletters(2, DIGITS + UPPER)
    if rng.random() < 0.5:
        v += rletters(3, DIGITS + UPPER)
    return v


def gen_idnr():
    while True:
        digits = list(DIGITS)
        rng.shuffle(digits)
        times = rng.choice((2, 3))
        keep = digits[:11 - times]
        rep = keep[0]
        body = keep + [rep] * (times - 1)
        rng.shuffle(body)
        body = ''.join(body)
        if body[0] != '0':
            break
    return fill_last(body, DIGITS, lambda v: s_de_idnr.is_valid(v))


def gen_rvnr():
    day = rng.choice([rng.randint(1, 31), rng.randint(1, 31) + 32, rng.randint(0, 31) + 64, 0, 97])
    body = '%02d%02d%02d%02d%s%02d' % (rng.randint(2, 89), day, rng.randint(0, 12),
                                       rng.randint(0, 99), rng.choice(UPPER), rng.randint(0, 99))
    return fill_last(body, DIGITS, ref_rvnr)


def gen_idcard():
    first = rng.choice('LMNPRTVWXYZ' if rng.random() < 0.8 else DIGITS)
    return fill_last(first + rletters(8, DOC_ALPHABET), DIGITS, ref_idcard)


def gen_passport():
    body = rng.choice('CFGHJK') + rletters(8, DOC_ALPHABET)
    if rng.random() < 0.25:
        return body
    return fill_last(body, DIGITS, lambda v: len(v) == 10 and ref_passport(v))


def gen_kvnr():
    return fill_last(rng.choice(UPPER) + rdigits(8), DIGITS, ref_kvnr)


def gen_at_svnr():
    month = rng.choice([rng.randint(1, 12)] * 5 + [13, 14, 15])
    date = '%02d%02d%02d' % (rng.randint(1, 28), month, rng.randint(0, 99))
    serial = '%03d' % rng.randint(100, 999)
    for c in DIGITS:
        v = serial + c + date
        if o_at_svnr(v):
            return v
    return None


def gen_ahv():
    return fill_last('756' + rdigits(9), DIGITS, ORACLES['ch_ahv'])


def gen_ssn():
    v = '%03d%02d%04d' % (rng.choice([x for x in range(1, 900) if x != 666]),
                          rng.randint(1, 99), rng.randint(1, 9999))
    return v if o_ssn(v) else None


def gen_nino():
    allowed1 = [c for c in UPPER if c not in 'DFIQUV']
    allowed2 = [c for c in allowed1 if c != 'O']
    v = rng.choice(allowed1) + rng.choice(allowed2) + rdigits(6) + rng.choice('ABCD')
    return v if ref_nino(v) else None


def gen_nhs():
    return fill_last(rdigits(9), DIGITS, ORACLES['uk_nhs'])


def gen_nir():
    sex = rng.choice('12121234' + '78')
    month = rng.choice([rng.randint(1, 12)] * 6 + [20, 35, 62])
    dep = rng.choice(['%02d' % rng.randint(1, 95), '2A', '2B', '97'])
    body = sex + rdigits(2) + '%02d' % month + dep + rdigits(6)
    body = body[:13]
    return body + s_fr_nir.calc_check_digits(body)


def gen_cf():
    year = rdigits(2)
    month = rng.randrange(12)
    day = rng.randint(1, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month])
    if rng.random() < 0.5:
        day += 40
    body = rletters(6) + year + CF_MONTHS[month] + '%02d' % day + rng.choice(UPPER) + rdigits(3)
    if rng.random() < 0.3:  # omocodia
        pos = rng.choice([6, 7, 9, 10, 12, 13, 14])
        body = body[:pos] + CF_OMO[int(body[pos])] + body[pos + 1:]
    v = body + s_it_cf.calc_check_digit(body)
    return v if o_cf(v) else None


def gen_dni():
    body = rdigits(8)
    return body + s_es_dni.calc_check_digit(body)


def gen_nie():
    body = rng.choice('XYZ') + rdigits(7)
    return body + s_es_nie.calc_check_digit(body)


def gen_bsn():
    v = fill_last(rdigits(8), DIGITS, ORACLES['nl_bsn'])
    if v and rng.random() < 0.1:
        v = fill_last('0' + rdigits(7), DIGITS, ORACLES['nl_bsn'])
        return v[1:] if v else None
    return v


def gen_at_uid():
    return fill_last('ATU' + rdigits(7), DIGITS, ORACLES['at_uid'])


def gen_de_vat():
    return fill_last('DE' + rng.choice('123456789') + rdigits(7), DIGITS, ORACLES['de_vat'])


def gen_ch_uid():
    return fill_last('CHE' + rdigits(8), DIGITS, ORACLES['ch_uid'])


FR_KEY_ALPHABET = DIGITS + 'ABCDEFGHJKLMNPQRSTUVWXYZ'


def gen_fr_vat():
    siren = fill_last(rng.choice('123456789') + rdigits(7), DIGITS, s_luhn.is_valid)
    if rng.random() < 0.8:
        key = '%02d' % ((12 + 3 * (int(siren) % 97)) % 97)
        return 'FR' + key + siren
    for _ in range(2000):
        key = rletters(2, FR_KEY_ALPHABET)
        if not key.isdigit() and o_fr_vat('FR' + key + siren):
            return 'FR' + key + siren
    return None


def gen_it_vat():
    office = rng.choice(['%03d' % rng.randint(1, 100), '120', '121', '888', '999'])
    return fill_last('IT' + rdigits(7) + office, DIGITS, ORACLES['it_vat'])


def gen_es_vat():
    kind = rng.random()
    if kind < 0.3:
        return 'ES' + gen_dni()
    if kind < 0.45:
        return 'ES' + gen_nie()
    if kind < 0.5:
        body = rng.choice('KLM') + rdigits(7)
        return 'ES' + body + s_es_dni.calc_check_digit(body[1:])
    letter = rng.choice('ABCDEFGHJNPQRSUVW')
    return fill_last('ES' + letter + rdigits(7), DIGITS + 'JABCDEFGHI', o_es_vat)


def gen_nl_vat():
    suffix = 'B%02d' % rng.randint(1, 99)
    if rng.random() < 0.6:
        nine = fill_last(rdigits(8), DIGITS, s_nl_bsn.is_valid)
        if nine is None:
            return None
        v = 'NL' + nine + suffix
    else:
        for _ in range(300):
            v = 'NL' + rdigits(9) + suffix
            if s_nl_btw.is_valid(v):
                break
        else:
            return None
    return v if ORACLES['nl_vat'](v) else None


def gen_be_vat():
    first8 = rng.choice('01') + rdigits(7)
    if int(first8) == 0:
        return None
    v = 'BE' + first8 + '%02d' % (97 - int(first8) % 97)
    if v[2] == '0' and rng.random() < 0.1:
        v = 'BE' + v[3:]
    return v


def gen_pl_vat():
    return fill_last('PL' + rdigits(9), DIGITS, ORACLES['pl_vat'])


def gen_gb_vat():
    r = rng.random()
    if r < 0.05:
        return 'GBGD' + '%03d' % rng.randint(0, 499)
    if r < 0.1:
        return 'GBHA' + '%03d' % rng.randint(500, 999)
    body = rdigits(7)
    for c in range(100):
        v = 'GB' + body + '%02d' % c
        if o_gb_vat(v):
            if rng.random() < 0.15:
                v += rdigits(3)
            return v
    return None


GENERATORS = {
    'luhn': gen_luhn, 'credit_card': gen_card, 'iban': gen_iban, 'bic': gen_bic,
    'de_steuer_idnr': gen_idnr, 'de_rvnr': gen_rvnr, 'de_idcard': gen_idcard,
    'de_passport': gen_passport, 'de_kvnr': gen_kvnr, 'at_svnr': gen_at_svnr,
    'ch_ahv': gen_ahv, 'us_ssn': gen_ssn, 'uk_nino': gen_nino, 'uk_nhs': gen_nhs,
    'fr_nir': gen_nir, 'it_codice_fiscale': gen_cf, 'es_dni': gen_dni, 'es_nie': gen_nie,
    'nl_bsn': gen_bsn, 'at_uid': gen_at_uid, 'de_vat': gen_de_vat, 'ch_uid': gen_ch_uid,
    'fr_vat': gen_fr_vat, 'it_vat': gen_it_vat, 'es_vat': gen_es_vat, 'nl_vat': gen_nl_vat,
    'be_vat': gen_be_vat, 'pl_vat': gen_pl_vat, 'gb_vat': gen_gb_vat,
}

# ---------------------------------------------------------------------------
# Mutations.
# ---------------------------------------------------------------------------


def same_class(c):
    if c.isdigit():
        return DIGITS
    if c in UPPER:
        return UPPER
    return c


def mutate(v, name):
    protect = 0
    for prefix in ('ATU', 'CHE', 'DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'PL', 'GB'):
        if name.endswith('_vat') or name in ('at_uid', 'ch_uid'):
            if v.startswith(prefix):
                protect = len(prefix)
                break
    if name == 'fr_vat' and not v[2:4].isdigit():
        protect = 4  # RULE: alphanumeric keys are format-only; mutate the SIREN
    kind = rng.random()
    if kind < 0.6 or name == 'fr_vat':
        i = rng.randrange(protect, len(v))
        choices = [c for c in same_class(v[i]) if c != v[i]] or list(DIGITS)
        return v[:i] + rng.choice(choices) + v[i + 1:]
    if kind < 0.8:
        i = rng.randrange(protect, len(v) - 1) if len(v) - 1 > protect else protect
        if i + 1 >= len(v):
            return v[:-1]
        return v[:i] + v[i + 1] + v[i] + v[i + 2:]
    if kind < 0.9:
        i = rng.randrange(protect, len(v))
        return v[:i] + v[i + 1:]
    i = rng.randrange(protect, len(v) + 1)
    return v[:i] + rng.choice(same_class(v[min(i, len(v) - 1)])) + v[i:]


# ---------------------------------------------------------------------------
# Fixed vectors for special rules.
# ---------------------------------------------------------------------------

FIXED = [
    ('us_ssn', '078051120'), ('us_ssn', '219099999'), ('us_ssn', '123456789'),
    ('us_ssn', '457555462'), ('us_ssn', '666123456'), ('us_ssn', '900123456'),
    ('us_ssn', '000123456'), ('us_ssn', '123001234'), ('us_ssn', '123450000'),
    ('uk_nino', 'BG123456A'), ('uk_nino', 'GB123456A'), ('uk_nino', 'NK123456A'),
    ('uk_nino', 'TN123456A'), ('uk_nino', 'ZZ123456A'), ('uk_nino', 'AO123456A'),
    ('uk_nino', 'QA123456A'), ('uk_nino', 'AB123456E'), ('uk_nino', 'AB123456C'),
    ('de_rvnr', '15070649C103'), ('it_codice_fiscale', 'RSSMRA85T10A562S'),
    ('fr_nir', '253072B07300470'), ('gb_vat', 'GBGD499'), ('gb_vat', 'GBGD500'),
    ('gb_vat', 'GBHA499'), ('gb_vat', 'GBHA500'), ('gb_vat', 'GB000000000'),
    ('credit_card', '4111111111111111'), ('credit_card', '378282246310005'),
    ('credit_card', '6011111111111117'), ('credit_card', '3530111333300000'),
    ('credit_card', '5555555555554444'), ('credit_card', '30569309025904'),
    ('iban', 'DE89370400440532013000'), ('iban', 'LC55HEMM000100010012001200023015'),
    ('de_passport', 'C01X00T47'), ('de_passport', 'C01X00T478'),
]


def main():
    out = []
    seen = set()

    def add(name, value, valid):
        if (name, value) in seen or not value or any(c in '"\\' for c in value):
            return
        assert value.isascii()
        seen.add((name, value))
        out.append({'validator': name, 'value': value, 'valid': bool(valid)})

    valid_by_name = {}
    for name, gen in GENERATORS.items():
        oracle = ORACLES[name]
        vals = []
        tries = 0
        while len(vals) < N_VALID and tries < N_VALID * 50:
            tries += 1
            v = gen()
            if v and oracle(v) and v not in vals:
                vals.append(v)
        assert len(vals) >= N_VALID // 2, (name, len(vals))
        valid_by_name[name] = vals
        for v in vals:
            add(name, v, True)
        invalid = 0
        tries = 0
        while invalid < N_INVALID and tries < N_INVALID * 20:
            tries += 1
            m = mutate(rng.choice(vals), name)
            ok = oracle(m)
            add(name, m, ok)
            if not ok:
                invalid += 1

    # eu_vat: the dispatched validators' vectors, plus format-only prefixes.
    for name in ('at_uid', 'de_vat', 'ch_uid', 'fr_vat', 'it_vat', 'es_vat', 'nl_vat',
                 'be_vat', 'pl_vat', 'gb_vat'):
        recs = [r for r in out if r['validator'] == name]
        for rec in [r for r in recs if r['valid']][:30] + [r for r in recs if not r['valid']][:30]:
            add('eu_vat', rec['value'], rec['valid'])
    for cc, lens in (('DK', 8), ('FI', 8), ('LU', 8), ('SI', 8), ('HU', 8), ('EE', 9),
                     ('PT', 9), ('SK', 10), ('HR', 11), ('SE', 12)):
        n = 0
        while n < 5:
            v = cc + rdigits(lens)
            if s_eu_vat.is_valid(v):
                add('eu_vat', v, True)
                add('eu_vat', v[:-1], False)  # wrong length
                add('eu_vat', v[:-1] + 'A', False)  # letter where digit required
                n += 1
    for v in ('US123456789', 'XX12345678', 'CH123456789'):
        add('eu_vat', v, False)

    for name, v in FIXED:
        add(name, v, ORACLES[name](v))

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        for rec in out:
            f.write(json.dumps(rec, separators=(',', ':')) + '\n')
    by = {}
    for r in out:
        by.setdefault(r['validator'], [0, 0])[r['valid']] += 1
    for k, (bad, good) in sorted(by.items()):
        print('%-18s valid %4d  invalid %4d' % (k, good, bad))
    print('total', len(out), '->', OUT)


if __name__ == '__main__':
    main()
