//! Reading the command line. Few enough options that a hand-written parser is
//! clearer than a dependency.

use std::path::PathBuf;

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
    Help,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Command {
    /// `--db PATH`, else `OFFERWRIGHT_DB`.
    pub db: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub action: Action,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum UsageError {
    #[error("unknown command `{0}`")]
    UnknownCommand(String),
    #[error("unknown option `{0}`")]
    UnknownOption(String),
    #[error("`{0}` needs a value")]
    MissingValue(&'static str),
    #[error("`{0}` needs a file")]
    MissingFile(&'static str),
    #[error("--lang takes ja or en")]
    BadLang,
    #[error("--paper takes a4 or letter")]
    BadPaper,
    #[error("--offer takes a number from 1")]
    BadOffer,
    #[error("--candidate takes a candidate's id, a number")]
    BadCandidate,
    #[error("no command given")]
    NoCommand,
}

pub const USAGE_EN: &str = "\
Usage: offerwright-cli [--db PATH] [--lang ja|en] COMMAND

Commands:
  list [--json]          list problems, candidates (with weighted totals), offers and what to do next
  export --out FILE [--offer ID | --candidate ID]
                         write the whole workspace (or one offer with its candidate,
                         or one candidate) as JSON; ids are those `list` shows
  import FILE            add a workspace JSON file, all or nothing
  compare FILE [--json] [--evidence]
                         rank the candidates of an exported workspace and say how
                         robust first place is (evidence-adjusted with --evidence)
  plan FILE [--json]     the economics and pilot dates of each offer in an exported
                         workspace, or of one offer JSON object
  check FILE [--json]    focus-check an exported workspace, offer or candidate file;
                         exit 0 when ready, 1 when not, 2 when the file cannot be read
  backups [--json]       list the database's backups, newest first
  backup                 take a backup now
  restore NAME           replace the database with the backup NAME (the current
                         state is kept as a backup first)
  onepager FILE --out OUT.pdf [--paper a4|letter] [--offer N] [--svg]
                         print the one-pager of the Nth offer (default the first) of
                         an exported workspace as a one-page PDF (SVG with --svg), in
                         the --lang language

The database is --db PATH, or the file named by OFFERWRIGHT_DB (check, compare, plan and onepager need none).";

pub const USAGE_JA: &str = "\
使い方: offerwright-cli [--db パス] [--lang ja|en] コマンド

コマンド:
  list [--json]          問題メモ、候補（重み付き合計つき）、オファー、次にすることの一覧
  export --out ファイル [--offer ID | --candidate ID]
                         ワークスペース全体（または候補つきの1件のオファー、1件の候補）を
                         JSONで書き出す。IDはlistで表示されるもの
  import ファイル        ワークスペースのJSONを追加する（全部か、何もしないか）
  compare ファイル [--json] [--evidence]
                         書き出したワークスペースの候補を順位づけし、首位の確かさを示す
                         （--evidenceで根拠の強さを反映）
  plan ファイル [--json]  書き出したワークスペース（または1件のオファー）の
                         採算と試験提供の日程を表示する
  check ファイル [--json] 書き出したワークスペース・オファー・候補のファイルを点検する
                         準備OKなら0、未完成なら1、読めないファイルなら2で終了
  backups [--json]       データベースのバックアップの一覧（新しい順）
  backup                 今すぐバックアップを取る
  restore 名前           データベースをバックアップ「名前」に置き換える
                         （今の状態は先にバックアップとして残す）
  onepager ファイル --out 出力.pdf [--paper a4|letter] [--offer 番号] [--svg]
                         書き出したワークスペースのN番目（省略時は最初）のオファーの
                         1枚資料をPDF（--svgならSVG）で書き出す。言語は--lang

データベースは --db パス、またはOFFERWRIGHT_DBで指定したファイルです（check・compare・plan・onepagerには不要）。";

impl UsageError {
    pub fn message(&self, lang: Lang) -> String {
        let problem = match (self, lang) {
            (UsageError::UnknownCommand(c), Lang::Ja) => format!("「{c}」というコマンドはありません"),
            (UsageError::UnknownOption(o), Lang::Ja) => format!("「{o}」というオプションはありません"),
            (UsageError::MissingValue(o), Lang::Ja) => format!("{o} には値が必要です"),
            (UsageError::MissingFile(c), Lang::Ja) => format!("{c} にはファイルの指定が必要です"),
            (UsageError::BadLang, Lang::Ja) => "--lang は ja か en です".to_string(),
            (UsageError::BadPaper, Lang::Ja) => "--paper は a4 か letter です".to_string(),
            (UsageError::BadOffer, Lang::Ja) => "--offer は1から始まる番号です".to_string(),
            (UsageError::BadCandidate, Lang::Ja) => "--candidate は候補のID（数字）です".to_string(),
            (UsageError::NoCommand, Lang::Ja) => "コマンドを指定してください".to_string(),
            (e, Lang::En) => e.to_string(),
        };
        format!("{problem}\n\n{}", lang.pick(USAGE_JA, USAGE_EN))
    }
}

pub fn parse(argv: &[String]) -> Result<Command, UsageError> {
    let mut db = None;
    let mut lang = None;
    let mut out = None;
    let mut json = false;
    let mut evidence = false;
    let mut paper = Paper::A4;
    let mut svg = false;
    let mut offer = None;
    let mut offer_id = None;
    let mut candidate_id = None;
    let mut positional = Vec::new();
    let mut iter = argv.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--db" => db = Some(PathBuf::from(iter.next().ok_or(UsageError::MissingValue("--db"))?)),
            "--out" => out = Some(PathBuf::from(iter.next().ok_or(UsageError::MissingValue("--out"))?)),
            "--lang" => {
                let value = iter.next().ok_or(UsageError::MissingValue("--lang"))?;
                lang = Some(value.parse().map_err(|_| UsageError::BadLang)?);
            }
            "--json" => json = true,
            "--evidence" => evidence = true,
            "--svg" => svg = true,
            "--paper" => {
                let value = iter.next().ok_or(UsageError::MissingValue("--paper"))?;
                paper = Paper::parse(value).ok_or(UsageError::BadPaper)?;
            }
            "--offer" => {
                let value = iter.next().ok_or(UsageError::MissingValue("--offer"))?;
                offer = Some(
                    value
                        .parse::<usize>()
                        .ok()
                        .filter(|n| *n >= 1)
                        .ok_or(UsageError::BadOffer)?,
                );
                offer_id = value.parse::<i64>().ok();
            }
            "--candidate" => {
                let value = iter.next().ok_or(UsageError::MissingValue("--candidate"))?;
                candidate_id = Some(value.parse::<i64>().map_err(|_| UsageError::BadCandidate)?);
            }
            "-h" | "--help" => positional.insert(0, "help".to_string()),
            other if other.starts_with('-') => return Err(UsageError::UnknownOption(other.to_string())),
            other => positional.push(other.to_string()),
        }
    }
    let mut positional = positional.into_iter();
    let action = match positional.next().as_deref() {
        Some("list") => Action::List { json },
        Some("export") => Action::Export {
            out: out.ok_or(UsageError::MissingFile("export --out"))?,
            offer: offer_id,
            candidate: candidate_id,
        },
        Some("backups") => Action::Backups { json },
        Some("backup") => Action::Backup,
        Some("restore") => Action::Restore {
            name: positional.next().ok_or(UsageError::MissingFile("restore"))?,
        },
        Some("import") => Action::Import {
            file: positional
                .next()
                .map(PathBuf::from)
                .ok_or(UsageError::MissingFile("import"))?,
        },
        Some("check") => Action::Check {
            file: positional
                .next()
                .map(PathBuf::from)
                .ok_or(UsageError::MissingFile("check"))?,
            json,
        },
        Some("compare") => Action::Compare {
            file: positional
                .next()
                .map(PathBuf::from)
                .ok_or(UsageError::MissingFile("compare"))?,
            json,
            evidence,
        },
        Some("plan") => Action::Plan {
            file: positional
                .next()
                .map(PathBuf::from)
                .ok_or(UsageError::MissingFile("plan"))?,
            json,
        },
        Some("onepager") => Action::Onepager {
            file: positional
                .next()
                .map(PathBuf::from)
                .ok_or(UsageError::MissingFile("onepager"))?,
            out: out.ok_or(UsageError::MissingFile("onepager --out"))?,
            paper,
            svg,
            offer,
        },
        Some("help") => Action::Help,
        Some(other) => return Err(UsageError::UnknownCommand(other.to_string())),
        None => return Err(UsageError::NoCommand),
    };
    Ok(Command { db, lang, action })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn options_may_come_before_or_after_the_command() {
        let c = parse(&args("--db w.sqlite3 export --out x.json")).unwrap();
        assert_eq!(c.db, Some(PathBuf::from("w.sqlite3")));
        assert_eq!(
            c.action,
            Action::Export {
                out: PathBuf::from("x.json"),
                offer: None,
                candidate: None
            }
        );
        let c = parse(&args("import x.json --db w.sqlite3 --lang ja")).unwrap();
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
        assert_eq!(
            parse(&args("frobnicate")),
            Err(UsageError::UnknownCommand("frobnicate".into()))
        );
        assert_eq!(parse(&args("export")), Err(UsageError::MissingFile("export --out")));
        assert_eq!(parse(&args("list --lang fr")), Err(UsageError::BadLang));
        assert_eq!(parse(&args("list --db")), Err(UsageError::MissingValue("--db")));
        let ja = UsageError::NoCommand.message(Lang::Ja);
        assert!(ja.contains("コマンドを指定してください") && ja.contains("使い方"));
    }
}
