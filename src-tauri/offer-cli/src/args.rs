//! Reading the command line, with clap: one description of every command and
//! option, in both languages, that both parses and prints the help.

use std::path::PathBuf;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{value_parser, Arg, ArgAction, ArgMatches};
use offerwright_core::locales::text;
use offerwright_core::Lang;
use offerwright_onepager::Paper;

#[derive(Debug, PartialEq, Eq)]
pub enum Action {
    List {
        json: bool,
    },
    Export {
        out: PathBuf,
        offer: Option<i64>,
        candidate: Option<i64>,
    },
    Backups {
        json: bool,
    },
    Backup,
    Restore {
        name: String,
    },
    Import {
        file: PathBuf,
    },
    Check {
        file: PathBuf,
        json: bool,
    },
    Compare {
        file: PathBuf,
        json: bool,
        evidence: bool,
    },
    Plan {
        file: PathBuf,
        json: bool,
    },
    Onepager {
        file: PathBuf,
        out: PathBuf,
        paper: Paper,
        svg: bool,
        /// 1-based position of the offer in the file; the first when absent.
        offer: Option<usize>,
    },
    /// The help of the whole program or of one command, already written in
    /// the language asked for.
    Help(String),
}

#[derive(Debug, PartialEq, Eq)]
pub struct Command {
    /// `--db PATH`, else `OFFERWRIGHT_DB`.
    pub db: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub action: Action,
}

/// A command line that cannot be run, and the help to show with it.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError {
    pub problem: Problem,
    usage: String,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Problem {
    UnknownCommand(String),
    UnknownOption(String),
    /// A word the command does not take.
    Unexpected(String),
    /// Two options that exclude each other.
    Conflict(String, String),
    MissingValue(String),
    MissingFile(String),
    BadLang,
    BadPaper,
    BadOffer,
    BadCandidate,
    NoCommand,
    /// Anything else clap refuses (an option given twice, an extra word).
    Other(String),
}

impl UsageError {
    pub fn message(&self, lang: Lang) -> String {
        let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| text(lang, key, values);
        let problem = match &self.problem {
            Problem::UnknownCommand(name) => say("cli.problems.unknownCommand", &[("name", name)]),
            Problem::UnknownOption(name) => say("cli.problems.unknownOption", &[("name", name)]),
            Problem::Unexpected(word) => say("cli.problems.unexpected", &[("word", word)]),
            Problem::Conflict(a, b) => say("cli.problems.conflict", &[("first", a), ("second", b)]),
            Problem::MissingValue(option) => say("cli.problems.missingValue", &[("option", option)]),
            Problem::MissingFile(command) => say("cli.problems.missingFile", &[("command", command)]),
            Problem::BadLang => say("cli.problems.badLang", &[]),
            Problem::BadPaper => say("cli.problems.badPaper", &[]),
            Problem::BadOffer => say("cli.problems.badOffer", &[]),
            Problem::BadCandidate => say("cli.problems.badCandidate", &[]),
            Problem::NoCommand => say("cli.problems.noCommand", &[]),
            Problem::Other(said) => said.clone(),
        };
        format!("{problem}\n\n{}", self.usage)
    }
}

/// One piece of help text in `lang`, from the catalogs (`rust.cli.help.*`).
fn say(lang: Lang, key: &str) -> String {
    text(lang, key, &[])
}

fn json_flag(lang: Lang) -> Arg {
    Arg::new("json")
        .long("json")
        .action(ArgAction::SetTrue)
        .help(say(lang, "cli.help.printJson"))
}

fn file_arg(lang: Lang, key: &str) -> Arg {
    Arg::new("file")
        .value_name(say(lang, "cli.help.file"))
        .value_parser(value_parser!(PathBuf))
        .required(true)
        .help(say(lang, key))
}

fn out_arg(lang: Lang, key: &str) -> Arg {
    Arg::new("out")
        .long("out")
        .value_name(say(lang, "cli.help.file"))
        .value_parser(value_parser!(PathBuf))
        .required(true)
        .help(say(lang, key))
}

fn subcommand(name: &'static str, lang: Lang, key: &str) -> clap::Command {
    clap::Command::new(name)
        .about(say(lang, key))
        .help_template(template(lang))
        .next_help_heading(say(lang, "cli.help.options"))
        .disable_help_flag(true)
        .arg(help_flag(lang))
}

fn help_flag(lang: Lang) -> Arg {
    Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help(say(lang, "cli.help.printThisHelp"))
}

fn template(lang: Lang) -> String {
    say(lang, "cli.help.template")
}

/// The whole command line, described in `lang`.
pub fn command_line(lang: Lang) -> clap::Command {
    clap::Command::new("offerwright-cli")
        .bin_name("offerwright-cli")
        .about(say(lang, "cli.help.offerwrightSDatabaseFor"))
        .help_template(template(lang))
        .after_help(say(lang, "cli.help.theDatabaseIsDb"))
        .subcommand_help_heading(say(lang, "cli.help.commands"))
        .subcommand_value_name(say(lang, "cli.help.command"))
        .next_help_heading(say(lang, "cli.help.options"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(help_flag(lang).global(true))
        .arg(
            Arg::new("db")
                .long("db")
                .global(true)
                .value_name(say(lang, "cli.help.path"))
                .value_parser(value_parser!(PathBuf))
                .help(say(lang, "cli.help.theDatabaseFileTo")),
        )
        .arg(
            Arg::new("lang")
                .long("lang")
                .global(true)
                .value_name("ja|en")
                .help(say(lang, "cli.help.theLanguageToAnswer")),
        )
        .subcommand(subcommand("list", lang, "cli.help.listProblemsCandidatesWith").arg(json_flag(lang)))
        .subcommand(
            subcommand("export", lang, "cli.help.writeTheWholeWorkspace")
                .arg(out_arg(lang, "cli.help.theFileToWrite"))
                .arg(
                    Arg::new("offer")
                        .long("offer")
                        .value_name("ID")
                        .conflicts_with("candidate")
                        .help(say(lang, "cli.help.onlyTheOfferWith")),
                )
                .arg(
                    Arg::new("candidate")
                        .long("candidate")
                        .value_name("ID")
                        .help(say(lang, "cli.help.onlyTheCandidateWith")),
                ),
        )
        .subcommand(
            subcommand("import", lang, "cli.help.addAWorkspaceJson").arg(file_arg(lang, "cli.help.theJsonFileTo")),
        )
        .subcommand(
            subcommand("compare", lang, "cli.help.rankTheCandidatesOf")
                .arg(file_arg(lang, "cli.help.anExportedWorkspace"))
                .arg(json_flag(lang))
                .arg(
                    Arg::new("evidence")
                        .long("evidence")
                        .action(ArgAction::SetTrue)
                        .help(say(lang, "cli.help.weighEachScoreBy")),
                ),
        )
        .subcommand(
            subcommand("plan", lang, "cli.help.theEconomicsAndPilot")
                .arg(file_arg(lang, "cli.help.anExportedWorkspaceOr"))
                .arg(json_flag(lang)),
        )
        .subcommand(
            subcommand("check", lang, "cli.help.focusCheckAnExported")
                .arg(file_arg(lang, "cli.help.theFileToCheck"))
                .arg(json_flag(lang)),
        )
        .subcommand(subcommand("backups", lang, "cli.help.listTheDatabaseS").arg(json_flag(lang)))
        .subcommand(subcommand("backup", lang, "cli.help.takeABackupNow"))
        .subcommand(
            subcommand("restore", lang, "cli.help.replaceTheDatabaseWith").arg(
                Arg::new("name")
                    .value_name(say(lang, "cli.help.name"))
                    .required(true)
                    .help(say(lang, "cli.help.aBackupSName")),
            ),
        )
        .subcommand(
            subcommand("onepager", lang, "cli.help.printTheOnePager")
                .arg(file_arg(lang, "cli.help.anExportedWorkspace"))
                .arg(out_arg(lang, "cli.help.thePdfOrSvg"))
                .arg(
                    Arg::new("paper")
                        .long("paper")
                        .value_name("a4|letter")
                        .help(say(lang, "cli.help.thePaperAUnless")),
                )
                .arg(
                    Arg::new("offer")
                        .long("offer")
                        .value_name("N")
                        .help(say(lang, "cli.help.whichOfferOfThe")),
                )
                .arg(
                    Arg::new("svg")
                        .long("svg")
                        .action(ArgAction::SetTrue)
                        .help(say(lang, "cli.help.svgInsteadOfPdf")),
                ),
        )
        .subcommand(
            subcommand("help", lang, "cli.help.printThisHelpOr")
                .arg(Arg::new("command").value_name(say(lang, "cli.help.command"))),
        )
}

/// The language the help and messages should use: `--lang` when given (and
/// readable), else `fallback`.
pub fn lang_asked(argv: &[String], fallback: Lang) -> Lang {
    argv.iter()
        .position(|a| a == "--lang")
        .and_then(|i| argv.get(i + 1))
        .or_else(|| argv.iter().find_map(|a| a.strip_prefix("--lang=").map(|_| a)))
        .map(|a| a.trim_start_matches("--lang="))
        .and_then(|v| v.parse().ok())
        .unwrap_or(fallback)
}

pub fn parse(argv: &[String], fallback: Lang) -> Result<Command, UsageError> {
    let lang = lang_asked(argv, fallback);
    let mut line = command_line(lang);
    let usage = line.render_help().to_string();
    let refuse = |problem: Problem| UsageError {
        problem,
        usage: usage.clone(),
    };
    let all = std::iter::once("offerwright-cli".to_string()).chain(argv.iter().cloned());
    let matches = match line.clone().try_get_matches_from(all) {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::DisplayHelp => {
            return Ok(Command {
                db: None,
                lang: Some(lang),
                action: Action::Help(e.render().to_string()),
            })
        }
        Err(e) => return Err(refuse(problem_of(&e, argv))),
    };
    let db = matches.get_one::<PathBuf>("db").cloned();
    let lang_given = match matches.get_one::<String>("lang") {
        Some(v) => Some(v.parse::<Lang>().map_err(|_| refuse(Problem::BadLang))?),
        None => None,
    };
    let Some((name, sub)) = matches.subcommand() else {
        return Err(refuse(Problem::NoCommand));
    };
    // clap refuses a command line without them; asked again, they are still a
    // usage error rather than a crash.
    let file = || {
        sub.get_one::<PathBuf>("file")
            .cloned()
            .ok_or_else(|| refuse(Problem::MissingFile(name.into())))
    };
    let out = || {
        sub.get_one::<PathBuf>("out")
            .cloned()
            .ok_or_else(|| refuse(Problem::MissingFile(format!("{name} --out"))))
    };
    let json = || sub.get_flag("json");
    let action = match name {
        "list" => Action::List { json: json() },
        "export" => Action::Export {
            out: out()?,
            offer: number(sub, "offer").map_err(|_| refuse(Problem::BadOffer))?,
            candidate: number(sub, "candidate").map_err(|_| refuse(Problem::BadCandidate))?,
        },
        "backups" => Action::Backups { json: json() },
        "backup" => Action::Backup,
        "restore" => Action::Restore {
            name: sub
                .get_one::<String>("name")
                .cloned()
                .ok_or_else(|| refuse(Problem::MissingFile(name.into())))?,
        },
        "import" => Action::Import { file: file()? },
        "check" => Action::Check {
            file: file()?,
            json: json(),
        },
        "compare" => Action::Compare {
            file: file()?,
            json: json(),
            evidence: sub.get_flag("evidence"),
        },
        "plan" => Action::Plan {
            file: file()?,
            json: json(),
        },
        "onepager" => Action::Onepager {
            file: file()?,
            out: out()?,
            paper: match sub.get_one::<String>("paper") {
                Some(p) => Paper::parse(p).ok_or_else(|| refuse(Problem::BadPaper))?,
                None => Paper::A4,
            },
            svg: sub.get_flag("svg"),
            offer: number::<usize>(sub, "offer")
                .ok()
                .and_then(|n| match n {
                    Some(0) => None,
                    other => Some(other),
                })
                .ok_or_else(|| refuse(Problem::BadOffer))?,
        },
        "help" => match sub.get_one::<String>("command") {
            None => Action::Help(usage.clone()),
            Some(wanted) => match {
                line.build();
                line.find_subcommand_mut(wanted)
            } {
                Some(found) if wanted != "help" => Action::Help(found.render_help().to_string()),
                _ => return Err(refuse(Problem::UnknownCommand(wanted.clone()))),
            },
        },
        other => return Err(refuse(Problem::UnknownCommand(other.to_string()))),
    };
    Ok(Command {
        db,
        lang: lang_given,
        action,
    })
}

/// An option's value as a number, `None` when the option is absent.
fn number<T: std::str::FromStr>(sub: &ArgMatches, id: &str) -> Result<Option<T>, ()> {
    match sub.get_one::<String>(id) {
        Some(v) => v.parse().map(Some).map_err(|_| ()),
        None => Ok(None),
    }
}

/// What clap refused, as one of our problems (so it reads the same in both
/// languages); anything rarer keeps clap's own first line.
fn problem_of(e: &clap::Error, argv: &[String]) -> Problem {
    let context = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(s)) => s.first().cloned(),
        _ => None,
    };
    let arg = || context(ContextKind::InvalidArg).unwrap_or_default();
    match e.kind() {
        ErrorKind::InvalidSubcommand => {
            Problem::UnknownCommand(context(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::UnknownArgument if arg().starts_with('-') => Problem::UnknownOption(option_name(&arg())),
        ErrorKind::UnknownArgument => Problem::Unexpected(arg()),
        ErrorKind::ArgumentConflict => Problem::Conflict(
            option_name(&arg()),
            option_name(&context(ContextKind::PriorArg).unwrap_or_default()),
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Problem::NoCommand,
        ErrorKind::InvalidValue if arg().starts_with("--") => Problem::MissingValue(option_name(&arg())),
        ErrorKind::MissingRequiredArgument => {
            let missing = arg();
            let command = command_named(argv);
            Problem::MissingFile(if missing.starts_with("--") {
                format!("{command} {}", option_name(&missing))
            } else {
                command
            })
        }
        _ => Problem::Other(
            e.render()
                .to_string()
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("error: ")
                .to_string(),
        ),
    }
}

/// `--out <FILE>` → `--out`.
fn option_name(arg: &str) -> String {
    arg.split([' ', '=']).next().unwrap_or(arg).to_string()
}

/// The command a command line names: its first word that is neither an
/// option nor an option's value.
fn command_named(argv: &[String]) -> String {
    let mut words = argv.iter();
    while let Some(word) = words.next() {
        if ["--db", "--lang", "--out", "--offer", "--candidate", "--paper"].contains(&word.as_str()) {
            words.next();
        } else if !word.starts_with('-') {
            return word.clone();
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    fn refused(s: &str) -> Problem {
        parse(&args(s), Lang::En).unwrap_err().problem
    }

    #[test]
    fn options_may_come_before_or_after_the_command() {
        let c = parse(&args("--db w.sqlite3 export --out x.json"), Lang::En).unwrap();
        assert_eq!(c.db, Some(PathBuf::from("w.sqlite3")));
        assert_eq!(
            c.action,
            Action::Export {
                out: PathBuf::from("x.json"),
                offer: None,
                candidate: None
            }
        );
        let c = parse(&args("import x.json --db w.sqlite3 --lang ja"), Lang::En).unwrap();
        assert_eq!(
            c.action,
            Action::Import {
                file: PathBuf::from("x.json")
            }
        );
        assert_eq!(c.lang, Some(Lang::Ja));
    }

    #[test]
    fn mistakes_are_usage_errors_in_both_languages() {
        assert_eq!(refused("frobnicate"), Problem::UnknownCommand("frobnicate".into()));
        assert_eq!(refused("kit --help"), Problem::UnknownCommand("kit".into()));
        assert_eq!(refused("list --frob"), Problem::UnknownOption("--frob".into()));
        assert_eq!(refused("list extra"), Problem::Unexpected("extra".into()));
        assert_eq!(
            refused("export --out x --offer 1 --candidate 2"),
            Problem::Conflict("--offer".into(), "--candidate".into())
        );
        assert_eq!(refused("export"), Problem::MissingFile("export --out".into()));
        assert_eq!(refused("import"), Problem::MissingFile("import".into()));
        assert_eq!(refused("list --lang fr"), Problem::BadLang);
        assert_eq!(refused("list --db"), Problem::MissingValue("--db".into()));
        assert_eq!(refused("export --out x --candidate abc"), Problem::BadCandidate);
        assert_eq!(refused("onepager f --out x --offer 0"), Problem::BadOffer);
        assert_eq!(refused("onepager f --out x --paper b5"), Problem::BadPaper);
        assert_eq!(refused(""), Problem::NoCommand);
        let ja = parse(&[], Lang::Ja).unwrap_err().message(Lang::Ja);
        assert!(
            ja.contains("コマンドを指定してください") && ja.contains("使い方"),
            "{ja}"
        );
    }

    #[test]
    fn help_is_in_the_language_asked_for_and_names_every_command() {
        let Action::Help(en) = parse(&args("--help"), Lang::Ja).map(|c| c.action).unwrap() else {
            panic!("help expected")
        };
        assert!(en.contains("使い方"), "the fallback language without --lang: {en}");
        let Action::Help(en) = parse(&args("help --lang en"), Lang::Ja).unwrap().action else {
            panic!("help expected")
        };
        for name in [
            "list", "export", "import", "compare", "plan", "check", "backups", "backup", "restore", "onepager",
        ] {
            assert!(en.contains(name), "{name} missing from\n{en}");
        }
        let Action::Help(one) = parse(&args("export --help --lang en"), Lang::Ja).unwrap().action else {
            panic!("help expected")
        };
        assert!(one.contains("--candidate") && !one.contains("--paper"), "{one}");
        let Action::Help(same) = parse(&args("help export --lang en"), Lang::Ja).unwrap().action else {
            panic!("help expected")
        };
        assert!(
            same.contains("--candidate") && same.contains("offerwright-cli export"),
            "{same}"
        );
    }
}
