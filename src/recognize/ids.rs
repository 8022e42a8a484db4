//! Not implemented yet.

use super::Recognizer;
use crate::entity::Kind;
use crate::scanner::{Candidate, Input};

pub(super) struct Ids;

impl Ids {
    pub(super) fn new() -> Ids {
        Ids
    }
}

impl Recognizer for Ids {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::NationalId, Kind::TaxVatId, Kind::HealthInsuranceId]
    }

    fn find(&self, _input: &Input<'_>, _out: &mut Vec<Candidate>) {}
}
