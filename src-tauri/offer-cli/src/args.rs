//! Reading the command line, with clap: one description of every command and
//! option, in both languages, that both parses and prints the help.

use std::path::PathBuf;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{value_parser, Arg, ArgAction, ArgMatches};
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
        let problem = match (&self.problem, lang) {
            (Problem::UnknownCommand(c), Lang::Ja) => format!("「{c}」というコマンドはありません"),
            (Problem::UnknownCommand(c), Lang::En) => format!("unknown command `{c}`"),
            (Problem::UnknownOption(o), Lang::Ja) => format!("「{o}」というオプションはありません"),
            (Problem::UnknownOption(o), Lang::En) => format!("unknown option `{o}`"),
            (Problem::Unexpected(w), Lang::Ja) => format!("「{w}」は余分です"),
            (Problem::Unexpected(w), Lang::En) => format!("unexpected `{w}`"),
            (Problem::Conflict(a, b), Lang::Ja) => format!("{a} と {b} は一緒には使えません"),
            (Problem::Conflict(a, b), Lang::En) => format!("{a} and {b} cannot be used together"),
            (Problem::MissingValue(o), Lang::Ja) => format!("{o} には値が必要です"),
            (Problem::MissingValue(o), Lang::En) => format!("`{o}` needs a value"),
            (Problem::MissingFile(c), Lang::Ja) => format!("{c} にはファイルの指定が必要です"),
            (Problem::MissingFile(c), Lang::En) => format!("`{c}` needs a file"),
            (Problem::BadLang, _) => lang.pick("--lang は ja か en です", "--lang takes ja or en").into(),
            (Problem::BadPaper, _) => lang
                .pick("--paper は a4 か letter です", "--paper takes a4 or letter")
                .into(),
            (Problem::BadOffer, _) => lang
                .pick("--offer は1から始まる番号です", "--offer takes a number from 1")
                .into(),
            (Problem::BadCandidate, _) => lang
                .pick(
                    "--candidate は候補のID（数字）です",
                    "--candidate takes a candidate's id, a number",
                )
                .into(),
            (Problem::NoCommand, _) => lang.pick("コマンドを指定してください", "no command given").into(),
            (Problem::Other(said), _) => said.clone(),
        };
        format!("{problem}\n\n{}", self.usage)
    }
}

/// Both languages of one piece of help text.
fn say(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    lang.pick(ja, en)
}

fn json_flag(lang: Lang) -> Arg {
    Arg::new("json")
        .long("json")
        .action(ArgAction::SetTrue)
        .help(say(lang, "JSONで出力する", "print JSON"))
}

fn file_arg(lang: Lang, ja: &'static str, en: &'static str) -> Arg {
    Arg::new("file")
        .value_name(say(lang, "ファイル", "FILE"))
        .value_parser(value_parser!(PathBuf))
        .required(true)
        .help(say(lang, ja, en))
}

fn out_arg(lang: Lang, ja: &'static str, en: &'static str) -> Arg {
    Arg::new("out")
        .long("out")
        .value_name(say(lang, "ファイル", "FILE"))
        .value_parser(value_parser!(PathBuf))
        .required(true)
        .help(say(lang, ja, en))
}

fn subcommand(name: &'static str, lang: Lang, ja: &'static str, en: &'static str) -> clap::Command {
    clap::Command::new(name)
        .about(say(lang, ja, en))
        .help_template(template(lang))
        .next_help_heading(say(lang, "オプション", "Options"))
        .disable_help_flag(true)
        .arg(help_flag(lang))
}

fn help_flag(lang: Lang) -> Arg {
    Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help(say(lang, "この説明を表示する", "print this help"))
}

fn template(lang: Lang) -> &'static str {
    say(
        lang,
        "{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}",
        "{about-with-newline}\nUsage: {usage}\n\n{all-args}{after-help}",
    )
}

/// The whole command line, described in `lang`.
pub fn command_line(lang: Lang) -> clap::Command {
    clap::Command::new("offerwright-cli")
        .bin_name("offerwright-cli")
        .about(say(lang, "Offerwrightのデータベースをスクリプトから使う", "Offerwright's database, for scripts"))
        .help_template(template(lang))
        .after_help(say(
            lang,
            "データベースは --db パス、またはOFFERWRIGHT_DBで指定したファイルです（check・compare・plan・onepagerには不要）。",
            "The database is --db PATH, or the file named by OFFERWRIGHT_DB (check, compare, plan and onepager need none).",
        ))
        .subcommand_help_heading(say(lang, "コマンド", "Commands"))
        .subcommand_value_name(say(lang, "コマンド", "COMMAND"))
        .next_help_heading(say(lang, "オプション", "Options"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(help_flag(lang).global(true))
        .arg(
            Arg::new("db")
                .long("db")
                .global(true)
                .value_name(say(lang, "パス", "PATH"))
                .value_parser(value_parser!(PathBuf))
                .help(say(lang, "使うデータベースのファイル", "the database file to use")),
        )
        .arg(
            Arg::new("lang")
                .long("lang")
                .global(true)
                .value_name("ja|en")
                .help(say(lang, "表示の言語", "the language to answer in")),
        )
        .subcommand(
            subcommand(
                "list",
                lang,
                "問題メモ、候補（重み付き合計つき）、オファー、次にすることの一覧",
                "list problems, candidates (with weighted totals), offers and what to do next",
            )
            .arg(json_flag(lang)),
        )
        .subcommand(
            subcommand(
                "export",
                lang,
                "ワークスペース全体（または候補つきの1件のオファー、1件の候補）をJSONで書き出す。IDはlistで表示されるもの",
                "write the whole workspace (or one offer with its candidate, or one candidate) as JSON; ids are those `list` shows",
            )
            .arg(out_arg(lang, "書き出すファイル", "the file to write"))
            .arg(
                Arg::new("offer")
                    .long("offer")
                    .value_name("ID")
                    .conflicts_with("candidate")
                    .help(say(lang, "このIDのオファーだけ", "only the offer with this id")),
            )
            .arg(
                Arg::new("candidate")
                    .long("candidate")
                    .value_name("ID")
                    .help(say(lang, "このIDの候補だけ", "only the candidate with this id")),
            ),
        )
        .subcommand(
            subcommand(
                "import",
                lang,
                "ワークスペースのJSONを追加する（全部か、何もしないか）",
                "add a workspace JSON file, all or nothing",
            )
            .arg(file_arg(lang, "読み込むJSONファイル", "the JSON file to add")),
        )
        .subcommand(
            subcommand(
                "compare",
                lang,
                "書き出したワークスペースの候補を順位づけし、1位の確かさを示す",
                "rank the candidates of an exported workspace and say how robust first place is",
            )
            .arg(file_arg(lang, "書き出したワークスペース", "an exported workspace"))
            .arg(json_flag(lang))
            .arg(
                Arg::new("evidence")
                    .long("evidence")
                    .action(ArgAction::SetTrue)
                    .help(say(lang, "根拠の強さを反映する", "weigh each score by its evidence")),
            ),
        )
        .subcommand(
            subcommand(
                "plan",
                lang,
                "書き出したワークスペース（または1件のオファー）の採算と試験提供の日程を表示する",
                "the economics and pilot dates of each offer in an exported workspace, or of one offer JSON object",
            )
            .arg(file_arg(lang, "書き出したワークスペースかオファー", "an exported workspace or offer"))
            .arg(json_flag(lang)),
        )
        .subcommand(
            subcommand(
                "check",
                lang,
                "書き出したワークスペース・オファー・候補のファイルを点検する。準備OKなら0、未完成なら1、読めないファイルなら2で終了",
                "focus-check an exported workspace, offer or candidate file; exit 0 when ready, 1 when not, 2 when the file cannot be read",
            )
            .arg(file_arg(lang, "点検するファイル", "the file to check"))
            .arg(json_flag(lang)),
        )
        .subcommand(
            subcommand(
                "backups",
                lang,
                "データベースのバックアップの一覧（新しい順）",
                "list the database's backups, newest first",
            )
            .arg(json_flag(lang)),
        )
        .subcommand(subcommand("backup", lang, "今すぐバックアップを取る", "take a backup now"))
        .subcommand(
            subcommand(
                "restore",
                lang,
                "データベースをバックアップに置き換える（今の状態は先にバックアップとして残す）",
                "replace the database with a backup (the current state is kept as a backup first)",
            )
            .arg(
                Arg::new("name")
                    .value_name(say(lang, "名前", "NAME"))
                    .required(true)
                    .help(say(lang, "backupsで表示されるバックアップの名前", "a backup's name, as `backups` shows it")),
            ),
        )
        .subcommand(
            subcommand(
                "onepager",
                lang,
                "書き出したワークスペースのN番目（省略時は最初）のオファーの1枚資料をPDF（--svgならSVG）で書き出す。言語は--lang",
                "print the one-pager of the Nth offer (default the first) of an exported workspace as a one-page PDF (SVG with --svg), in the --lang language",
            )
            .arg(file_arg(lang, "書き出したワークスペース", "an exported workspace"))
            .arg(out_arg(lang, "書き出すPDF（またはSVG）", "the PDF (or SVG) to write"))
            .arg(
                Arg::new("paper")
                    .long("paper")
                    .value_name("a4|letter")
                    .help(say(lang, "用紙（省略時はA4）", "the paper (A4 unless given)")),
            )
            .arg(
                Arg::new("offer")
                    .long("offer")
                    .value_name("N")
                    .help(say(lang, "ファイルの何番目のオファーか（1から）", "which offer of the file, from 1")),
            )
            .arg(
                Arg::new("svg")
                    .long("svg")
                    .action(ArgAction::SetTrue)
                    .help(say(lang, "PDFのかわりにSVGで", "SVG instead of PDF")),
            ),
        )
        .subcommand(
            subcommand("help", lang, "この説明、またはコマンドの説明を表示する", "print this help, or a command's")
                .arg(Arg::new("command").value_name(say(lang, "コマンド", "COMMAND"))),
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
    let file = || sub.get_one::<PathBuf>("file").cloned().expect("clap requires it");
    let out = || sub.get_one::<PathBuf>("out").cloned().expect("clap requires it");
    let json = || sub.get_flag("json");
    let action = match name {
        "list" => Action::List { json: json() },
        "export" => Action::Export {
            out: out(),
            offer: number(sub, "offer").map_err(|_| refuse(Problem::BadOffer))?,
            candidate: number(sub, "candidate").map_err(|_| refuse(Problem::BadCandidate))?,
        },
        "backups" => Action::Backups { json: json() },
        "backup" => Action::Backup,
        "restore" => Action::Restore {
            name: sub.get_one::<String>("name").cloned().expect("clap requires it"),
        },
        "import" => Action::Import { file: file() },
        "check" => Action::Check {
            file: file(),
            json: json(),
        },
        "compare" => Action::Compare {
            file: file(),
            json: json(),
            evidence: sub.get_flag("evidence"),
        },
        "plan" => Action::Plan {
            file: file(),
            json: json(),
        },
        "onepager" => Action::Onepager {
            file: file(),
            out: out(),
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
