//! Not implemented yet.

use super::Recognizer;
use crate::entity::Kind;
use crate::scanner::{Candidate, Input};

pub(super) struct Address;

impl Address {
    pub(super) fn new() -> Address {
        Address
    }
}

impl Recognizer for Address {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::StreetAddress, Kind::PostalCity]
    }

    fn find(&self, _input: &Input<'_>, _out: &mut Vec<Candidate>) {}
}
