//! Not implemented yet.

use super::Recognizer;
use crate::entity::Kind;
use crate::scanner::{Candidate, Input};

pub(super) struct Web;

impl Web {
    pub(super) fn new() -> Web {
        Web
    }
}

impl Recognizer for Web {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Username, Kind::UrlPersonal]
    }

    fn find(&self, _input: &Input<'_>, _out: &mut Vec<Candidate>) {}
}
