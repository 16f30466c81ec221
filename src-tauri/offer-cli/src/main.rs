//! offerwright-cli: scripting access to an Offerwright database.

mod args;
mod check;
mod compare;
mod error;
mod onepager;
mod output;
mod plan;
mod run;

use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let lang = run::lang_from_env();
    match args::parse(&argv, lang) {
        Ok(command) => run::execute(command, lang, &mut output::UntilClosed(std::io::stdout())),
        Err(usage) => {
            eprintln!("{}", usage.message(args::lang_asked(&argv, lang)));
            ExitCode::from(2)
        }
    }
}
