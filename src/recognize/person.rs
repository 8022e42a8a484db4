//! Not implemented yet.

use super::Recognizer;
use crate::entity::Kind;
use crate::scanner::{Candidate, Input};

pub(super) struct Person;

impl Person {
    pub(super) fn new() -> Person {
        Person
    }
}

impl Recognizer for Person {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Person]
    }

    fn find(&self, _input: &Input<'_>, _out: &mut Vec<Candidate>) {}
}
