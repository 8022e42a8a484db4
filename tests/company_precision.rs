//! Generated variants of the company's own data, which is not personal: its service
//! numbers, its role mailboxes, its bank account in a letter it signs, a router's
//! gateway address, a voucher code shaped like a BIC. Each category has a generator of
//! company-side texts asserting nothing is reported, and a generator putting the same
//! values (or the customer's own) in a customer's words asserting they are.

mod variants;

use pii_veil::{FieldHints, Kind};
use proptest::prelude::*;
use variants::{found, pick, scanner};

// ---- Service numbers: toll-free, shared-cost, premium ----

/// Lead-ins a company or a customer puts before a number.
const PHONE_LEADS: &[&str] = &[
    "Unsere Hotline:",
    "Rufen Sie uns an unter",
    "Tel.",
    "Call us on",
    "Customer service:",
    "erreichbar unter",
    "I tried calling",
    "Rückruf unter",
    "Kundenservice (kostenfrei)",
    "Phone",
];

/// Service numbers as written: DE/AT/CH/UK/NL 0800 and 0900, UK 084x/087x/03xx
/// (internationally: nationally written, 0345 is also Halle's area code), international
/// toll-free, NANP 8XX in its groupings.
fn service_number() -> impl Strategy<Value = String> {
    let d = |n: usize| proptest::collection::vec(0u8..10, n).prop_map(|v| v.iter().map(|d| d.to_string()).collect());
    prop_oneof![
        (d(3), d(4)).prop_map(|(a, b): (String, String)| format!("0800 {a} {b}")),
        (d(7)).prop_map(|a: String| format!("0800-{a}")),
        (d(3), d(4)).prop_map(|(a, b): (String, String)| format!("0900 {a} {b}")),
        (pick(&["+44 345", "+44 330", "+44 845", "+44 870"]), d(3), d(4)).prop_map(|(p, a, b)| format!("{p} {a} {b}")),
        (pick(&["+49 800", "+44 800", "+43 800"]), d(7)).prop_map(|(p, a)| format!("{p} {a}")),
        (d(3), d(3)).prop_map(|(a, b): (String, String)| format!("+41 800 {a} {b}")),
        (pick(&["800", "833", "844", "855", "866", "877", "888"]), 2u32..10, 20u32..100, d(4))
            .prop_map(|(p, x, y, z)| { format!("1-{p}-{x}{y}-{z}") }),
        (pick(&["800", "844", "888"]), 2u32..10, 20u32..100, d(4)).prop_map(|(p, x, y, z)| format!("({p}) {x}{y}-{z}")),
    ]
}

/// Personal numbers (mobile) in the same styles.
fn personal_number() -> impl Strategy<Value = String> {
    let d = |n: usize| proptest::collection::vec(0u8..10, n).prop_map(|v| v.iter().map(|d| d.to_string()).collect());
    prop_oneof![
        (pick(&["0171", "0176", "0151", "0664", "0699"]), d(7)).prop_map(|(p, a)| format!("{p} {a}")),
        (pick(&["+49 171", "+43 664", "+41 79"]), d(7)).prop_map(|(p, a)| format!("{p} {a}")),
        (d(3), d(3)).prop_map(|(a, b): (String, String)| format!("07700 {a}{b}")),
    ]
}

const TAILS: &[&str] = &["", ".", " (kostenfrei)", " for more info", "\nDanke", ", Mo–Fr 8–18 Uhr"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A service number is a company's, whatever the words before it.
    #[test]
    fn service_numbers_are_not_reported(lead in pick(PHONE_LEADS), n in service_number(), tail in pick(TAILS)) {
        let text = format!("{lead} {n}{tail}");
        prop_assert!(found(&text, None, Kind::Phone).is_empty(), "{text:?} -> {:?}", found(&text, None, Kind::Phone));
    }

    /// Typed into a phone field, it is what the field asks for.
    #[test]
    fn service_numbers_in_a_phone_field_are(n in service_number()) {
        let hints = FieldHints { input_type: "tel".into(), ..Default::default() };
        let got = scanner().scan(&n, Some(&hints)).unwrap();
        prop_assert!(got.iter().any(|f| f.kind == Kind::Phone && f.span.start == 0 && f.span.end == n.len()), "{n:?}: {got:?}");
    }

    /// A personal number after the same words is reported.
    #[test]
    fn personal_numbers_are(lead in pick(&["Tel.", "Rückruf unter", "Call me on", "Phone", "meine Nummer:", "erreichbar unter"]),
                            n in personal_number(), tail in pick(TAILS)) {
        let text = format!("{lead} {n}{tail}");
        prop_assert!(found(&text, None, Kind::Phone).contains(&n), "{text:?}");
    }
}

// ---- Role mailboxes ----

const ROLES: &[&str] = &[
    "info",
    "service",
    "billing",
    "support",
    "noreply",
    "no-reply",
    "kundenservice",
    "customer.service",
    "customer-care",
    "buchhaltung",
    "office",
    "kontakt",
    "rechnung",
    "accounts",
];
const PERSONS: &[&str] =
    &["anna.gruber", "m.huber84", "jwillis", "kerim.demir", "s_ammann", "info.mayer", "servicemann"];
const COMPANY_DOMAINS: &[&str] =
    &["beispiel-energie.de", "frankwinterdental.com", "stadtwerke-musterstadt.at", "example.co.uk"];
const PERSONAL_DOMAINS: &[&str] = &["gmail.com", "gmx.at", "web.de", "icloud.com", "bluewin.ch"];
const MAIL_LEADS: &[&str] = &["Bei Fragen:", "Please send it to", "mail an", "E-Mail:", "reply to", "Kontakt"];
const MAIL_TAILS: &[&str] = &["", ".", " oder telefonisch", "\nIhr Serviceteam", ")"];

/// The ways an address is written: plain, with a bracketed or spelled-out `at`.
fn write_mail(local: &str, domain: &str, style: usize) -> String {
    match style {
        0 => format!("{local}@{domain}"),
        1 => format!("{local}[at]{domain}"),
        _ => format!("{local} (at) {}", domain.replace('.', " (dot) ")),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A role mailbox at a company domain is nobody's address.
    #[test]
    fn role_mailboxes_are_not_reported(lead in pick(MAIL_LEADS), local in pick(ROLES), domain in pick(COMPANY_DOMAINS),
                                       style in 0usize..3, upper in any::<bool>(), tail in pick(MAIL_TAILS)) {
        let local = if upper { local.to_uppercase() } else { local.to_string() };
        let text = format!("{lead} {}{tail}", write_mail(&local, domain, style));
        prop_assert!(found(&text, None, Kind::Email).is_empty(), "{text:?}");
    }

    /// A person's local part at the same domain, or any local part at a personal mail
    /// provider, is somebody's address.
    #[test]
    fn personal_mailboxes_are(lead in pick(MAIL_LEADS), person in pick(PERSONS), role in pick(ROLES),
                              company in pick(COMPANY_DOMAINS), provider in pick(PERSONAL_DOMAINS),
                              which in any::<bool>(), style in 0usize..2, tail in pick(MAIL_TAILS)) {
        let mail = if which { write_mail(person, company, style) } else { write_mail(role, provider, style) };
        let text = format!("{lead} {mail}{tail}");
        prop_assert!(found(&text, None, Kind::Email).contains(&mail), "{text:?}");
    }

    /// In a field that asks for an e-mail address, a role mailbox is what was asked for.
    #[test]
    fn role_mailbox_in_an_email_field(local in pick(ROLES), domain in pick(COMPANY_DOMAINS)) {
        let mail = format!("{local}@{domain}");
        prop_assert_eq!(found(&mail, Some("E-Mail"), Kind::Email), vec![mail.clone()]);
    }

    /// `key=value` dumps: the key is outside the address.
    #[test]
    fn key_is_outside(key in pick(&["email", "mail", "e_mail", "Email", "contact"]), person in pick(PERSONS),
                      domain in pick(PERSONAL_DOMAINS), sep in pick(&["; ", "&", " | ", "\n"])) {
        let mail = format!("{person}@{domain}");
        let text = format!("name=Anna{sep}{key}={mail}{sep}plz=6020");
        prop_assert_eq!(found(&text, None, Kind::Email), vec![mail.clone()], "{}", text);
    }
}

// ---- The company's own bank account ----

/// A valid IBAN of `cc` with the numeric BBAN `bban`, grouped by four if `grouped`.
fn iban(cc: &str, bban: &str, grouped: bool) -> String {
    let digits: String = format!("{bban}{cc}00")
        .chars()
        .map(|c| if c.is_ascii_digit() { c.to_string() } else { (c as u32 - 'A' as u32 + 10).to_string() })
        .collect();
    let rem = digits.bytes().fold(0u32, |r, d| (r * 10 + u32::from(d - b'0')) % 97);
    let compact = format!("{cc}{:02}{bban}", 98 - rem);
    if !grouped {
        return compact;
    }
    compact.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(" ")
}

fn any_iban() -> impl Strategy<Value = String> {
    (pick(&["DE", "AT", "CH"]), proptest::collection::vec(0u8..10, 18), any::<bool>()).prop_map(|(cc, d, g)| {
        let n = match cc {
            "DE" => 18,
            "AT" => 16,
            _ => 17,
        };
        let bban: String = d[..n].iter().map(|x| x.to_string()).collect();
        iban(cc, &bban, g)
    })
}

/// How a company gives its own account.
const OWN_ACCOUNT: &[&str] = &[
    "Bitte überweisen Sie künftige Rechnungen auf unser Konto {}.",
    "Unsere Bankverbindung bleibt: {}.",
    "Unsere neue IBAN lautet {}",
    "Our correct bank details are below, please do not use the old account.\nIBAN: {}",
    "Please pay the invoice to our account {}.",
    "Rechnungsbetrag zahlbar an {} innerhalb von 14 Tagen.",
    "Veuillez utiliser notre compte {} pour vos paiements.",
];

/// How a company signs.
const COMPANY_SIGNATURES: &[&str] = &[
    "Freundliche Grüße\nSimone Ammann\nBuchhaltung",
    "Danke und LG\nGeschäftsleitung",
    "Regards,\nAccounts Team, Brennan's Hardware",
    "Mit freundlichen Grüßen\ni. A. Tanja Riemenschneider",
    "Viele Grüße\nIhr Serviceteam",
    "Kind regards\nCustomer Service | Example Ltd",
];

/// How a customer gives their own account.
const CUSTOMER_ACCOUNT: &[&str] = &[
    "Bitte überweisen Sie die Erstattung auf unser Konto {}.",
    "meine IBAN: {}",
    "Our account for the refund: {}",
    "Neue Bankverbindung: {}",
    "please refund to {}",
];

/// How a customer signs.
const CUSTOMER_SIGNATURES: &[&str] =
    &["Viele Grüße\nFamilie Huber", "Regards,\nDeShawn Carter", "LG Anna", "Danke!\nMaria und Tom Berger"];

/// How a company repeats the customer's account back to them.
const CUSTOMER_ACCOUNT_IN_COMPANY_LETTER: &[&str] = &[
    "Ihre IBAN {} wurde gespeichert.",
    "We have updated your bank details to {}.",
    "Die Erstattung geht auf Ihr Konto {}.",
    "Ihre neue Bankverbindung: {}",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The company's letter giving its own account: not reported.
    #[test]
    fn company_account_in_company_letter(line in pick(OWN_ACCOUNT), sig in pick(COMPANY_SIGNATURES), v in any_iban()) {
        let text = format!("Hallo,\n\n{}\n\n{sig}", line.replace("{}", &v));
        prop_assert!(found(&text, None, Kind::Iban).is_empty(), "{text:?}");
    }

    /// The same account lines signed by a customer, a customer's own account lines (also
    /// signed like a company: business customers sign "i. A." and "Buchhaltung" too),
    /// and the customer's account repeated in a company's letter: reported.
    #[test]
    fn customer_account(own in pick(OWN_ACCOUNT), cust in pick(CUSTOMER_ACCOUNT), csig in pick(CUSTOMER_SIGNATURES),
                        back in pick(CUSTOMER_ACCOUNT_IN_COMPANY_LETTER), sig in pick(COMPANY_SIGNATURES),
                        which in 0usize..4, v in any_iban()) {
        let (line, sig) = match which {
            0 => (own, csig),
            1 => (cust, csig),
            2 => (cust, sig),
            _ => (back, sig),
        };
        let text = format!("Hallo,\n\n{}\n\n{sig}", line.replace("{}", &v));
        prop_assert!(found(&text, None, Kind::Iban).contains(&v), "{text:?}");
    }
}

// ---- Gateway addresses ----

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A private network's `.1` or `.254` is its router.
    #[test]
    fn gateways_are_not_reported(net in pick(&["192.168.0", "192.168.1", "192.168.178", "10.0.0", "10.1.10", "172.16.0"]),
                                 host in pick(&["1", "254"]), lead in pick(&["Router IP", "Gateway", "IP-Adresse", "ping"])) {
        let text = format!("{lead} {net}.{host}, geht nicht");
        prop_assert!(found(&text, None, Kind::IpAddress).is_empty(), "{text:?}");
    }

    /// Any other host of the same networks is a device.
    #[test]
    fn other_private_hosts_are(net in pick(&["192.168.0", "192.168.178", "10.0.0", "172.16.0"]), host in 2u32..254,
                               lead in pick(&["mein Laptop hat", "IP-Adresse", "my PC is on"])) {
        let ip = format!("{net}.{host}");
        let text = format!("{lead} {ip}, geht nicht");
        prop_assert!(found(&text, None, Kind::IpAddress).contains(&ip), "{text:?}");
    }
}

// ---- Voucher codes shaped like a BIC ----

/// Real-shaped BICs (live location codes).
const BICS: &[&str] = &["COBADEFFXXX", "DEUTDEDB", "BKAUATWW", "GENODEM1GLS", "RZOOAT2L", "UBSWCHZH80A", "NWBKGB2L"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A code after a voucher word, or a test BIC (location code `?0`): not a bank.
    #[test]
    fn voucher_codes_are_not_bics(lead in pick(&["Gutschein", "Promo code", "Rabattcode:", "voucher", "Code vom Gutschein"]),
                                  word in pick(&["SOMMER", "KULANZ", "WINTER", "RABATT", "FREUND", "HOLIDAY"]),
                                  n in 1u32..10, tail in pick(&["", " funktioniert nicht", " says invalid", ")"])) {
        let text = format!("{lead} {word}{n}0{tail}");
        prop_assert!(found(&text, None, Kind::Bic).is_empty(), "{text:?}");
        let text = format!("BIC: {word}{n}0{tail}");
        prop_assert!(found(&text, None, Kind::Bic).is_empty(), "{text:?}");
    }

    /// A BIC after a banking word is reported.
    #[test]
    fn bics_after_bank_words_are(lead in pick(&["BIC:", "SWIFT", "BIC/SWIFT:", "Bank BIC"]), bic in pick(BICS)) {
        let text = format!("{lead} {bic}");
        prop_assert!(found(&text, None, Kind::Bic).contains(&bic.to_string()), "{text:?}");
    }
}

// ---- The company's premises ----

/// Streets as written after the lead-ins below.
const STREETS: &[&str] = &[
    "Hauptstraße 12",
    "Leopoldauer Straße 122/3/11",
    "Bahnhofstr. 5a",
    "2 Lochrin Square",
    "41 Elm Grove",
    "Via Roma 3",
];

/// How a company names its premises before their address.
const PREMISES: &[&str] = &[
    "Our Edinburgh office at",
    "our office is at",
    "Besuchen Sie unsere Filiale in der",
    "unser Büro befindet sich in der",
    "Sie finden unseren Laden in der",
    "our new store at",
    "notre magasin:",
    "Unsere Niederlassung:",
];

/// How a customer gives an address of their own.
const CUSTOMER_ADDRESS: &[&str] = &[
    "Bitte liefern Sie an mein Büro:",
    "ship to",
    "Lieferadresse:",
    "I live at",
    "ich wohne in der",
    "my office is at",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A street after the company's premises word: not reported.
    #[test]
    fn company_premises(lead in pick(PREMISES), street in pick(STREETS), tail in pick(&["", ".", " has moved", ", 2. OG"])) {
        let text = format!("{lead} {street}{tail}");
        prop_assert!(found(&text, None, Kind::StreetAddress).is_empty(), "{text:?}");
    }

    /// The same streets after a customer's words: reported.
    #[test]
    fn customer_address(lead in pick(CUSTOMER_ADDRESS), street in pick(STREETS), tail in pick(&["", ".", " bitte", "\nDanke"])) {
        let text = format!("{lead} {street}{tail}");
        let got = found(&text, None, Kind::StreetAddress);
        prop_assert!(got.iter().any(|g| g.starts_with(street)), "{text:?} -> {got:?}");
    }
}

// ---- What a name does, after a name cue ----

const NAME_CUES: &[&str] = &["wo mein Nachname", "weil mein Name", "mein nachname", "my surname", "my name"];
const NAME_VERBS: &[&str] =
    &["drinsteht", "steht", "fehlt", "auftaucht", "erscheint", "falsch", "appears", "is misspelt", "is wrong", "shows"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A verb or participle right after a name cue is not a name.
    #[test]
    fn verb_after_name_cue(cue in pick(NAME_CUES), verb in pick(NAME_VERBS), upper in any::<bool>(),
                           tail in pick(&["", ", bitte löschen", " on the invoice", "."])) {
        let verb = if upper { verb.to_uppercase() } else { verb.to_string() };
        let text = format!("könnt ihr den beitrag löschen {cue} {verb}{tail}");
        prop_assert!(found(&text, None, Kind::Person).is_empty(), "{text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A name after the same cues is still a name.
    #[test]
    fn name_after_name_cue(cue in pick(&["mein Name ist", "mein Nachname ist", "my name is", "my last name is"]),
                           name in pick(&["Anna Huber", "Thomas Berger", "Huber", "Sophie Marchetti"]),
                           tail in pick(&["", ", bitte löschen", " on the invoice", "."])) {
        let text = format!("könnt ihr den beitrag löschen, {cue} {name}{tail}");
        prop_assert!(found(&text, None, Kind::Person).contains(&name.to_string()), "{text:?}");
    }
}
