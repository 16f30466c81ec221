//! Long runs without spaces (URLs, e-mail addresses, code-like text) would
//! run out of their column, since Typst breaks lines only at spaces, CJK
//! characters and hyphenation points. A zero-width space after punctuation,
//! and every 16 characters if a run still has none, marks where they may
//! wrap. The template turns each mark into zero-width spacing, a break
//! opportunity for layout that puts no character into the PDF's text, so
//! a URL copied from the page is the URL that was typed.

use offerwright_core::app::onepager::{DeliverableLine, OnePager};

const ZWSP: char = '\u{200B}';
const LONG_RUN: usize = 20;
const CHUNK: usize = 16;

/// Japanese (and other CJK) characters: kana, kanji, full-width forms.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

fn break_run(run: &[char], out: &mut String) {
    if run.len() <= LONG_RUN {
        out.extend(run);
        return;
    }
    let mut since_break = 0;
    for (i, &c) in run.iter().enumerate() {
        out.push(c);
        since_break += 1;
        let last = i + 1 == run.len();
        if !last && ("/\\=._-\"'<>:;,?&@)]}".contains(c) || since_break >= CHUNK) {
            out.push(ZWSP);
            since_break = 0;
        }
    }
}

/// `text` with break opportunities inside long runs; short words untouched.
pub fn breakable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run: Vec<char> = Vec::new();
    for c in text.chars() {
        if c.is_whitespace() || is_cjk(c) {
            break_run(&run, &mut out);
            run.clear();
            out.push(c);
        } else {
            run.push(c);
        }
    }
    break_run(&run, &mut out);
    out
}

/// The page with every user-written line made breakable.
pub fn page(p: &OnePager) -> OnePager {
    let all = |v: &[String]| v.iter().map(|s| breakable(s)).collect();
    OnePager {
        title: breakable(&p.title),
        promise: breakable(&p.promise),
        audience: breakable(&p.audience),
        platform: breakable(&p.platform),
        problem: breakable(&p.problem),
        outcome: breakable(&p.outcome),
        measured: breakable(&p.measured),
        deliverables: p
            .deliverables
            .iter()
            .map(|d| DeliverableLine {
                name: breakable(&d.name),
                detail: breakable(&d.detail),
            })
            .collect(),
        not_included: all(&p.not_included),
        start_steps: all(&p.start_steps),
        contact: breakable(&p.contact),
        ..p.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_runs_get_break_points_and_short_words_do_not() {
        assert_eq!(breakable("Reels for dental clinics"), "Reels for dental clinics");
        assert_eq!(breakable("歯科医院のリール制作"), "歯科医院のリール制作");
        let url = breakable("https://example.com/a/very/long/path");
        assert!(url.contains(ZWSP));
        assert_eq!(url.replace(ZWSP, ""), "https://example.com/a/very/long/path");
        let blob = breakable(&"x".repeat(40));
        assert_eq!(blob.matches(ZWSP).count(), 2);
    }
}
