//! Not implemented yet.

use super::Recognizer;
use crate::entity::Kind;
use crate::scanner::{Candidate, Input};

pub(super) struct Dob;

impl Dob {
    pub(super) fn new() -> Dob {
        Dob
    }
}

impl Recognizer for Dob {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::DateOfBirth]
    }

    fn find(&self, _input: &Input<'_>, _out: &mut Vec<Candidate>) {}
}
