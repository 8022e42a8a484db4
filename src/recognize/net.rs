//! Not implemented yet.

use super::Recognizer;
use crate::entity::Kind;
use crate::scanner::{Candidate, Input};

pub(super) struct Net;

impl Net {
    pub(super) fn new() -> Net {
        Net
    }
}

impl Recognizer for Net {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::IpAddress, Kind::MacAddress]
    }

    fn find(&self, _input: &Input<'_>, _out: &mut Vec<Candidate>) {}
}
