//! Health insurance numbers: DE KVNR (Krankenversichertennummer) and UK NHS number.

use super::spec::{Spec, HEALTH};

pub(super) const KVNR: Spec = Spec {
    kind: HEALTH,
    sub: "de_kvnr",
    country: "de",
    hot: &[
        "kvnr",
        "krankenversicherung*",
        "krankenkasse*",
        "versichertennummer",
        "krankenversichertennummer",
        "versicherten*",
        "gesundheitskarte",
        "egk",
        "kasse",
    ],
};
pub(super) const NHS: Spec = Spec { kind: HEALTH, sub: "uk_nhs", country: "gb", hot: &["nhs"] };
