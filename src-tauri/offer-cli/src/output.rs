//! Writing a command's result: pretty JSON for scripts, or text for people.

use std::io::Write;

use serde::Serialize;

/// Writes `value` as JSON when `json`, else through `print`. A write that
/// fails (a closed pipe, a full disk) is reported on stderr; returns whether
/// the output was written.
pub fn emit<T: Serialize, W: Write>(
    out: &mut W,
    json: bool,
    value: &T,
    print: impl FnOnce(&mut W) -> std::io::Result<()>,
) -> bool {
    let written = if json {
        serde_json::to_string_pretty(value)
            .map_err(std::io::Error::other)
            .and_then(|text| writeln!(out, "{text}"))
    } else {
        print(out)
    };
    match written {
        Ok(()) => true,
        Err(e) => {
            eprintln!("offerwright-cli: {e}");
            false
        }
    }
}

/// A core error as the command line says it. A value's message does not name
/// its field (the app shows it beside the field), so the field comes first;
/// messages about a file already name the place. A missing record is named
/// with its id, since a script asked for that id.
pub fn core_message(error: &offerwright_core::CoreError, lang: offerwright_core::Lang) -> String {
    use offerwright_core::{CoreError, Lang};
    match error {
        CoreError::Invalid(v) => format!("{}: {}", v.field, error.message(lang)),
        CoreError::NotFound { what, id } => match lang {
            Lang::Ja => format!(
                "ID {id} の{}はこのデータベースにありません。`list` でIDを確かめてください。",
                what_ja(what)
            ),
            Lang::En => format!("There is no {what} with id {id} in this database; `list` shows the ids."),
        },
        other => other.message(lang),
    }
}

fn what_ja(what: &str) -> &str {
    match what {
        "offer" => "オファー",
        "candidate" => "候補",
        "problem" => "問題メモ",
        "criterion" => "基準",
        "version" => "版",
        _ => "記録",
    }
}

/// Refusing an `--out` that names the file the command reads.
pub fn out_is_input_message(out: &std::path::Path, lang: offerwright_core::Lang) -> String {
    match lang {
        offerwright_core::Lang::Ja => format!(
            "--out の{}は読み込み元のファイルそのものです。上書きすると元のデータが消えるため、別の名前を指定してください。",
            out.display()
        ),
        offerwright_core::Lang::En => format!(
            "--out {} is the file being read; writing there would destroy it. Choose another name.",
            out.display()
        ),
    }
}

/// Standard output that ends the program quietly, with success, once the
/// reader has gone (`offerwright-cli list | head`): what it wanted was read,
/// and every command writes its output only after its work is done.
pub struct UntilClosed<W>(pub W);

impl<W: std::io::Write> std::io::Write for UntilClosed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.0.write(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
            other => other,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.0.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
            other => other,
        }
    }
}
