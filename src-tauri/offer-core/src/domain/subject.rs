//! What a finding or a dismissal is about: a candidate or an offer.

/// The kind of record a finding or a dismissal belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Subject {
    Candidate,
    Offer,
}

impl Subject {
    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Candidate => "candidate",
            Subject::Offer => "offer",
        }
    }
}
