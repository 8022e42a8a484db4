//! The crate's one error type.
//!
//! Errors describe what was wrong with the *configuration or the call* — the key, the
//! pattern, the size — and never quote the text being scanned: an error message may be
//! logged by the caller, and personal data must not end up in logs.

use std::fmt;

/// What went wrong, as a stable machine-readable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorCode {
    /// A configuration key has a value of the wrong kind or range.
    InvalidConfig,
    /// A kind id is not known.
    UnknownKind,
    /// A custom or allow-list pattern does not compile.
    InvalidPattern,
    /// A custom pattern can match the empty string.
    EmptyMatch,
    /// The text is larger than the scanner's limit.
    TextTooLarge,
    /// An offset or argument is out of range.
    InvalidArgument,
}

impl ErrorCode {
    /// Stable string code (`"invalid_config"`, …), also used as the JavaScript `Error.code`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidConfig => "invalid_config",
            ErrorCode::UnknownKind => "unknown_kind",
            ErrorCode::InvalidPattern => "invalid_pattern",
            ErrorCode::EmptyMatch => "empty_match",
            ErrorCode::TextTooLarge => "text_too_large",
            ErrorCode::InvalidArgument => "invalid_argument",
        }
    }
}

/// An error from building a scanner or scanning; its message never contains scanned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    code: ErrorCode,
    message: String,
}

impl Error {
    pub(crate) fn new(code: ErrorCode, message: impl Into<String>) -> Error {
        Error { code, message: message.into() }
    }

    /// The machine-readable code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The human-readable message (names the offending key, never the scanned text).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
