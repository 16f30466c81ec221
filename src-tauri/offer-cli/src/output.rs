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
