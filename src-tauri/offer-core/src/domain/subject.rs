//! What a finding or a dismissal is about: a candidate or an offer.

/// The kind of record a finding or a dismissal belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, strum::IntoStaticStr)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "snake_case")]
pub enum Subject {
    Candidate,
    Offer,
}

impl Subject {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}
