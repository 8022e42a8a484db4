//! Not implemented yet.

use super::Recognizer;
use crate::entity::Kind;
use crate::scanner::{Candidate, Input};

pub(super) struct Plate;

impl Plate {
    pub(super) fn new() -> Plate {
        Plate
    }
}

impl Recognizer for Plate {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::LicensePlate]
    }

    fn find(&self, _input: &Input<'_>, _out: &mut Vec<Candidate>) {}
}
