//! Check-digit and format validators for personal and business identifiers.
//!
//! # Design
//!
//! Every validator in this module is a *pure* function over the **compact**
//! form of a value: separators (spaces, dashes, dots, slashes) have already
//! been removed by the caller, letters have been upper-cased, and the value is
//! handed over as ASCII bytes. Keeping normalisation out of the validators
//! means that:
//!
//! * each validator implements exactly one published rule and nothing else,
//!   which keeps it small, allocation-free and easy to test against the
//!   official definition;
//! * the scanner that finds candidates in free text decides once, centrally,
//!   which separators are tolerated in which context;
//! * a validator never panics — any input (empty, wrong length, non-ASCII,
//!   lower case) simply yields an error.
//!
//! Validators return [`Check`](checksum::Check), i.e. `Result<(), Invalid>`, so callers can
//! tell *why* a value was rejected ([`Invalid::Length`], [`Invalid::Format`],
//! [`Invalid::Component`], [`Invalid::Checksum`]). This matters for scoring:
//! a value with the right shape but a wrong check digit is a much weaker
//! signal than a fully valid one, but is still more than random text.
//!
//! Checks are applied in the order length → format → component → checksum,
//! so the reported reason is the first rule that failed.
//!
//! Where an official rule leaves room for interpretation, the decision is
//! documented on the validator concerned.
//!
//! # Layout
//!
//! * `checksum` — the result type and the generic check-digit algorithms
//!   (Luhn, ISO 7064 MOD 97-10 and MOD 11,10, weighted sums, EAN-13, ICAO 9303),
//!   each implemented once and shared by every validator and by the surrogate
//!   generator of the pseudonymisation;
//! * one module per country or family: `de`, `at`, `ch`, `uk`, `us`, `fr`, `it`,
//!   `es`, `nl`, `pl`, `ie`, `stnr` (DE and AT Steuernummer), `vat` (VAT numbers and the EU dispatcher), `bank` (IBAN, BIC,
//!   payment cards), `country` (ISO 3166-1 codes);
//! * `e164` — the ITU-T E.164 country calling codes, shared by the phone
//!   recogniser and the pseudonymisation;
//! * `REGISTRY` — the validators a custom pattern may name, looked up by
//!   `find`; the scanner's list of validator names is derived from it.

mod at;
mod bank;
mod ch;
pub(crate) mod checksum;
mod country;
mod de;
pub(crate) mod e164;
mod es;
mod fr;
mod ie;
mod it;
mod nl;
mod pl;
mod stnr;
mod uk;
mod us;
mod vat;

pub(crate) use at::at_svnr;
pub(crate) use bank::iban_check_digits;
pub(crate) use bank::{bic, credit_card, iban, iban_length, maestro_range};
pub(crate) use ch::ch_ahv;
pub(crate) use checksum::{luhn, Invalid};
pub(crate) use country::is_country_code;
pub(crate) use de::{de_idcard, de_kvnr, de_passport, de_rvnr, de_steuer_idnr};
pub(crate) use es::{es_dni, es_nie};
pub(crate) use fr::fr_nir;
pub(crate) use ie::ie_ppsn;
pub(crate) use it::it_codice_fiscale;
pub(crate) use nl::nl_bsn;
pub(crate) use pl::pl_pesel;
pub(crate) use stnr::{at_stnr, de_stnr_federal, de_stnr_groups};
pub(crate) use uk::{uk_nhs, uk_nino};
pub(crate) use us::us_ssn;
pub(crate) use vat::eu_vat;

/// A validator a custom pattern may name: its name and its check over the letters and
/// digits of a match, upper-cased (what [`crate::recognize::util::compact`] yields).
#[derive(Clone, Copy)]
pub(crate) struct Named {
    /// The name a custom pattern uses (`"iban"`).
    pub(crate) name: &'static str,
    /// Whether the compact value passes the validator.
    pub(crate) check: fn(&[u8]) -> bool,
}

/// The validators a custom pattern may name, in the order they are listed to users.
/// `luhn` reads only the digits of the value; the others read it whole.
pub(crate) const REGISTRY: [Named; 17] = [
    Named { name: "luhn", check: |v| luhn(&v.iter().copied().filter(u8::is_ascii_digit).collect::<Vec<_>>()) },
    Named { name: "iban", check: |v| iban(v).is_ok() },
    Named { name: "bic", check: |v| bic(v).is_ok() },
    Named { name: "de_steuer_idnr", check: |v| de_steuer_idnr(v).is_ok() },
    Named { name: "de_rvnr", check: |v| de_rvnr(v).is_ok() },
    Named { name: "at_svnr", check: |v| at_svnr(v).is_ok() },
    Named { name: "ch_ahv", check: |v| ch_ahv(v).is_ok() },
    Named { name: "us_ssn", check: |v| us_ssn(v).is_ok() },
    Named { name: "uk_nino", check: |v| uk_nino(v).is_ok() },
    Named { name: "fr_nir", check: |v| fr_nir(v).is_ok() },
    Named { name: "it_codice_fiscale", check: |v| it_codice_fiscale(v).is_ok() },
    Named { name: "es_dni", check: |v| es_dni(v).is_ok() },
    Named { name: "es_nie", check: |v| es_nie(v).is_ok() },
    Named { name: "nl_bsn", check: |v| nl_bsn(v).is_ok() },
    Named { name: "eu_vat", check: |v| eu_vat(v).is_ok() },
    Named { name: "de_kvnr", check: |v| de_kvnr(v).is_ok() },
    Named { name: "uk_nhs", check: |v| uk_nhs(v).is_ok() },
];

/// The names of [`REGISTRY`], in its order.
pub(crate) const NAMES: &[&str] = &registry_names();

const fn registry_names() -> [&'static str; REGISTRY.len()] {
    let mut out = [""; REGISTRY.len()];
    let mut i = 0;
    while i < REGISTRY.len() {
        out[i] = REGISTRY[i].name;
        i += 1;
    }
    out
}

/// The check of the validator called `name`, or `None` if there is none by that name.
pub(crate) fn find(name: &str) -> Option<fn(&[u8]) -> bool> {
    REGISTRY.iter().find(|n| n.name == name).map(|n| n.check)
}

#[cfg(test)]
mod tests;
