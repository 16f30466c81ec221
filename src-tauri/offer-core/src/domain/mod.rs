//! Values and rules: what a problem, candidate, offer, package and pilot are,
//! and what makes one valid. Nothing here reads or writes the database.

pub mod candidate;
pub mod criteria;
pub mod date;
pub mod decimal;
pub mod evidence;
pub mod input;
pub mod money;
pub mod offer;
pub mod package;
pub mod pilot;
pub mod problem;
pub mod subject;
pub mod targets;
pub mod text;
pub mod version;

/// One of an enum's names as typed (spaces around it ignored); blank gives
/// `blank` where the field has a default, else it is refused like any
/// name the enum does not have.
pub(crate) fn choice<T: std::str::FromStr>(
    field: &str,
    raw: &str,
    blank: Option<T>,
) -> Result<T, crate::error::ValidationError> {
    match (raw.trim(), blank) {
        ("", Some(default)) => Ok(default),
        (name, _) => name
            .parse()
            .map_err(|_| crate::error::ValidationError::new(field, crate::error::ValidationKind::InvalidChoice)),
    }
}

/// As `choice`, for a field that may stay blank (not known yet).
pub(crate) fn optional_choice<T: std::str::FromStr>(
    field: &str,
    raw: &str,
) -> Result<Option<T>, crate::error::ValidationError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    choice(field, raw, None).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each enum's name as a string (strum) is the name serde writes, so
    /// the database, the files and the UI all see one name per variant.
    fn names_agree<
        T: serde::Serialize + Copy + Into<&'static str> + std::str::FromStr + PartialEq + std::fmt::Debug,
    >(
        all: &[T],
    ) {
        for &v in all {
            let name: &'static str = v.into();
            assert_eq!(serde_json::to_value(v).unwrap(), name);
            assert_eq!(name.parse::<T>().ok(), Some(v), "{name}");
        }
    }

    #[test]
    fn every_enum_has_one_name_per_variant() {
        use strum::VariantArray;
        names_agree(candidate::Status::VARIANTS);
        names_agree(criteria::CriterionKey::VARIANTS);
        names_agree(evidence::Evidence::VARIANTS);
        names_agree(pilot::Decision::VARIANTS);
        names_agree(version::VersionReason::VARIANTS);
        assert_eq!(<&str>::from(subject::Subject::Candidate), "candidate");
        assert_eq!(<&str>::from(problem::Recurrence::Monthly), "monthly");
        assert_eq!(<&str>::from(problem::ProblemKind::Postponed), "postponed");
    }

    #[test]
    fn a_choice_is_a_name_or_blank_where_blank_has_a_meaning() {
        assert_eq!(
            choice("s", " testing ", Some(candidate::Status::Idea)),
            Ok(candidate::Status::Testing)
        );
        assert_eq!(
            choice("s", "", Some(candidate::Status::Idea)),
            Ok(candidate::Status::Idea)
        );
        assert!(choice::<evidence::Evidence>("e", "", None).is_err());
        assert!(
            choice::<evidence::Evidence>("e", "Gut", None).is_err(),
            "names are exact"
        );
        assert_eq!(optional_choice::<pilot::Decision>("d", " "), Ok(None));
        assert_eq!(optional_choice("d", "stop"), Ok(Some(pilot::Decision::Stop)));
    }
}
