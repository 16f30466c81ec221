//! Writing a command's result: pretty JSON for scripts, or text for people.

use std::io::Write;

use offerwright_core::locales::text;
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
    use offerwright_core::CoreError;
    match error {
        CoreError::Invalid(v) => format!("{}: {}", v.field, error.message(lang)),
        CoreError::NotFound { what, id } => {
            let what = text(lang, what_key(what), &[]);
            text(lang, "cli.out.noSuchId", &[("id", id), ("what", &what)])
        }
        other => other.message(lang),
    }
}

fn what_key(what: &str) -> &'static str {
    match what {
        "offer" => "cli.out.what.offer",
        "candidate" => "cli.out.what.candidate",
        "problem" => "cli.out.what.problem",
        "criterion" => "cli.out.what.criterion",
        "version" => "cli.out.what.version",
        _ => "cli.out.what.record",
    }
}

/// Refusing an `--out` that names the file the command reads.
pub fn out_is_input_message(out: &std::path::Path, lang: offerwright_core::Lang) -> String {
    text(lang, "cli.out.outIsInput", &[("path", &out.display())])
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
