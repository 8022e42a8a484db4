//! National identity numbers and identity documents, one [`Spec`] per number:
//! DE Steuer-IdNr, DE Rentenversicherungsnummer, DE Personalausweis / Reisepass,
//! AT SVNR, CH AHV, US SSN, UK NINO, FR NIR, IT codice fiscale, ES DNI / NIE, NL BSN,
//! PL PESEL, IE PPSN.
//! The words in `hot` name the number (see the parent module's docs).

use super::spec::{Spec, NAT};

pub(super) const STEUER: Spec = Spec {
    kind: NAT,
    sub: "de_steuer_idnr",
    country: "de",
    hot: &[
        "steuer-id*",
        "steuerid*",
        "idnr",
        "id-nr",
        "identifikationsnummer",
        "steueridentifikationsnummer",
        "steuer-identifikationsnummer*",
        "steueridentifikation*",
        "steuernummer",
        "tin",
        "steuer",
    ],
};
pub(super) const RVNR: Spec = Spec {
    kind: NAT,
    sub: "de_rvnr",
    country: "de",
    hot: &[
        "rvnr",
        "rv-nummer",
        "rv-nr",
        "rentenversicherung*",
        "sozialversicherung*",
        "sv-nummer",
        "svnr",
        "versicherungsnummer",
    ],
};
pub(super) const IDCARD: Spec = Spec {
    kind: NAT,
    sub: "de_idcard",
    country: "de",
    hot: &[
        "ausweis*",
        "personalausweis*",
        "perso",
        "id-karte",
        "idcard",
        "id-card",
        "identity",
        "identitätskarte",
        "dokumentennummer",
    ],
};
pub(super) const PASSPORT: Spec = Spec {
    kind: NAT,
    sub: "de_passport",
    country: "de",
    hot: &["reisepass*", "pass", "passnummer", "pass-nr", "passnr", "passport*"],
};
pub(super) const SVNR: Spec = Spec {
    kind: NAT,
    sub: "at_svnr",
    country: "at",
    hot: &["svnr", "sv-nummer", "sv-nr", "vsnr", "sozialversicherung*", "versicherungsnummer", "e-card", "ecard"],
};
pub(super) const AHV: Spec = Spec {
    kind: NAT,
    sub: "ch_ahv",
    country: "ch",
    hot: &["ahv*", "avs", "navs*", "ahv-nr", "ahv-nummer", "sozialversicherung*", "versicherungsnummer"],
};
pub(super) const SSN: Spec = Spec { kind: NAT, sub: "us_ssn", country: "us", hot: &["ssn", "social", "security"] };
pub(super) const NINO: Spec =
    Spec { kind: NAT, sub: "uk_nino", country: "gb", hot: &["nino", "ni", "national", "insurance"] };
pub(super) const NIR: Spec = Spec {
    kind: NAT,
    sub: "fr_nir",
    country: "fr",
    hot: &["nir", "sécurité", "securite", "sociale", "insee", "sécu", "secu"],
};
pub(super) const CF: Spec =
    Spec { kind: NAT, sub: "it_codice_fiscale", country: "it", hot: &["codice", "fiscale", "cf"] };
pub(super) const DNI: Spec = Spec { kind: NAT, sub: "es_dni", country: "es", hot: &["dni", "nif", "documento"] };
pub(super) const NIE: Spec = Spec { kind: NAT, sub: "es_nie", country: "es", hot: &["nie", "nif", "extranjero"] };
pub(super) const BSN: Spec = Spec {
    kind: NAT,
    sub: "nl_bsn",
    country: "nl",
    hot: &["bsn", "burgerservicenummer", "sofinummer", "sofi-nummer", "sofi"],
};
pub(super) const PESEL: Spec = Spec { kind: NAT, sub: "pl_pesel", country: "pl", hot: &["pesel*", "peselu"] };
pub(super) const PPSN: Spec = Spec {
    kind: NAT,
    sub: "ie_ppsn",
    country: "ie",
    hot: &["ppsn", "pps", "pps-nummer", "pps-nr", "rsi", "public", "service"],
};
