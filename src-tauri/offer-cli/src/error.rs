//! What the CLI can fail at, besides a command line it cannot read
//! (`args::UsageError`): one type for every command, each with its message in
//! both languages.

use offerwright_core::locales::text;
use std::path::PathBuf;

use offerwright_core::{CoreError, Lang};
use offerwright_onepager::RenderError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error("no database given")]
    NoDatabase,
    #[error("--out names the file being read")]
    OutIsInput(PathBuf),
    #[error("the one-pager could not be made")]
    Render(RenderError),
    #[error("there is no offer {wanted}")]
    NoOffer { wanted: usize, found: usize },
    /// A page could not be written where --out says.
    #[error("could not write {out}")]
    Write { out: PathBuf, error: std::io::Error },
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Core(CoreError::Io(e))
    }
}

impl CliError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CliError::Core(e) => crate::output::core_message(e, lang),
            CliError::OutIsInput(path) => crate::output::out_is_input_message(path, lang),
            CliError::NoDatabase => text(lang, "cli.out.noDatabase", &[]),
            CliError::Render(e) => e.message(lang),
            CliError::Write { out, error } => text(
                lang,
                "cli.out.cannotWrite",
                &[("path", &out.display()), ("detail", error)],
            ),
            CliError::NoOffer { wanted, found } => {
                text(lang, "cli.out.noOffer", &[("wanted", wanted), ("found", found)])
            }
        }
    }
}
