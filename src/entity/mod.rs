//! The kinds of personal data pii-veil knows, with stable ids.
//!
//! The ids (`"email"`, `"iban"`, …) are part of the public contract: JavaScript callers
//! configure and receive kinds by these strings, and the command line writes them as
//! labels. They never change once released; new kinds are only added.

mod descriptors;

pub(crate) use descriptors::Descriptor;
use descriptors::DESCRIPTORS;
use std::fmt;

/// A kind of personal data.
///
/// Built-in kinds have fixed ids; [`Kind::Custom`] refers to a custom pattern or deny
/// list entry registered on a [`crate::ScannerBuilder`], by index into the scanner's
/// custom kind names (see [`crate::Scanner::kind_id`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// E-mail address.
    Email,
    /// Telephone number, national or international.
    Phone,
    /// International Bank Account Number (ISO 13616).
    Iban,
    /// Bank Identifier Code (ISO 9362, "SWIFT code").
    Bic,
    /// Payment card number (Luhn-valid, known issuer).
    CreditCard,
    /// IPv4 or IPv6 address.
    IpAddress,
    /// MAC address (EUI-48) in any common notation.
    MacAddress,
    /// National identity / social security / tax identification number of a person.
    NationalId,
    /// VAT or business tax number (UID).
    TaxVatId,
    /// Health insurance number (DE KVNR, UK NHS number).
    HealthInsuranceId,
    /// Vehicle registration plate.
    LicensePlate,
    /// Account handle or user name.
    Username,
    /// URL that points at a person (social profile, personal page).
    UrlPersonal,
    /// A date that is somebody's birth date.
    DateOfBirth,
    /// A person's name.
    Person,
    /// Street and house number, with flat / staircase / door details.
    StreetAddress,
    /// Postal code and city, or a city typed as part of an address.
    PostalCity,
    /// A custom kind registered on the scanner (custom pattern or deny list).
    Custom(u16),
}

impl Kind {
    /// Every built-in kind, in id order of the documentation.
    pub const BUILTIN: [Kind; 17] = [
        Kind::Email,
        Kind::Phone,
        Kind::Iban,
        Kind::Bic,
        Kind::CreditCard,
        Kind::IpAddress,
        Kind::MacAddress,
        Kind::NationalId,
        Kind::TaxVatId,
        Kind::HealthInsuranceId,
        Kind::LicensePlate,
        Kind::Username,
        Kind::UrlPersonal,
        Kind::DateOfBirth,
        Kind::Person,
        Kind::StreetAddress,
        Kind::PostalCity,
    ];

    /// The descriptor of a built-in kind (none for custom kinds). The one `match` over
    /// the kinds: a new kind fails to compile here until it has a place.
    pub(crate) fn descriptor(self) -> Option<&'static Descriptor> {
        let i = match self {
            Kind::Email => 0,
            Kind::Phone => 1,
            Kind::Iban => 2,
            Kind::Bic => 3,
            Kind::CreditCard => 4,
            Kind::IpAddress => 5,
            Kind::MacAddress => 6,
            Kind::NationalId => 7,
            Kind::TaxVatId => 8,
            Kind::HealthInsuranceId => 9,
            Kind::LicensePlate => 10,
            Kind::Username => 11,
            Kind::UrlPersonal => 12,
            Kind::DateOfBirth => 13,
            Kind::Person => 14,
            Kind::StreetAddress => 15,
            Kind::PostalCity => 16,
            Kind::Custom(_) => return None,
        };
        Some(&DESCRIPTORS[i])
    }

    /// The stable id of a built-in kind; `"custom"` for custom kinds (use
    /// [`crate::Scanner::kind_id`] to get a custom kind's own name).
    pub fn id(self) -> &'static str {
        self.descriptor().map_or("custom", |d| d.id)
    }

    /// The built-in kind with this id.
    pub fn from_id(id: &str) -> Option<Kind> {
        DESCRIPTORS.iter().find(|d| d.id == id).map(|d| d.kind)
    }

    /// Upper-case label used by the `label` and `token` mask operators (`IBAN`, `EMAIL`).
    pub fn label(self) -> &'static str {
        self.descriptor().map_or("CUSTOM", |d| d.label)
    }

    /// True for kinds whose values carry a check digit or a strict registry format,
    /// which win overlaps against generic kinds (see `resolve`).
    pub fn is_checksummed(self) -> bool {
        self.descriptor().is_some_and(|d| d.checksummed)
    }

    /// True for kinds whose values are mostly digits and can be confused with order,
    /// invoice or ticket numbers, prices and versions (lowered by reference words).
    pub fn is_number_like(self) -> bool {
        self.descriptor().is_some_and(|d| d.number_like)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_unique() {
        for k in Kind::BUILTIN {
            assert_eq!(Kind::from_id(k.id()), Some(k));
            assert_eq!(k.label().to_ascii_lowercase(), k.id());
        }
        let mut ids: Vec<_> = Kind::BUILTIN.iter().map(|k| k.id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), Kind::BUILTIN.len());
        assert_eq!(Kind::from_id("custom"), None);
    }

    #[test]
    fn descriptors_in_builtin_order() {
        for (i, k) in Kind::BUILTIN.into_iter().enumerate() {
            let d = k.descriptor().unwrap();
            assert_eq!(d.kind, k);
            assert!(std::ptr::eq(d, &DESCRIPTORS[i]), "{k:?} is described at its place in Kind::BUILTIN");
        }
        assert!(Kind::Custom(0).descriptor().is_none());
    }
}
