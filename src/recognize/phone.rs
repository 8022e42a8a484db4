//! Not implemented yet.

use super::Recognizer;
use crate::entity::Kind;
use crate::scanner::{Candidate, Input};

pub(super) struct Phone;

impl Phone {
    pub(super) fn new() -> Phone {
        Phone
    }
}

impl Recognizer for Phone {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Phone]
    }

    fn find(&self, _input: &Input<'_>, _out: &mut Vec<Candidate>) {}
}
