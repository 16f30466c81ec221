//! How the focus check reads text. Japanese has no spaces between words, so
//! word lists are matched on normalized text: NFKC (full- and half-width
//! forms agree), lower case, and hiragana folded to katakana (いいね = イイネ).
//! Latin words only match as whole words, so "and" never fires inside
//! "Android", "brand" or "handmade". Joining particles (と, や) count only
//! between two non-hiragana characters, so 「ともだち」 or 「ひとり」 never fire,
//! and katakana ト in 「ポートフォリオ」 is a different letter to begin with.

use unicode_normalization::UnicodeNormalization;

/// A field's text, prepared once for all the rules.
pub struct Prepared {
    /// NFKC, lower case: for particles and punctuation, where kana matters.
    pub plain: Vec<char>,
    /// `plain` with hiragana folded to katakana: for word lists.
    pub folded: String,
}

impl Prepared {
    pub fn new(raw: &str) -> Prepared {
        let plain: String = raw.nfkc().collect::<String>().to_lowercase();
        let folded = fold_kana(&plain);
        Prepared {
            plain: plain.chars().collect(),
            folded,
        }
    }

    pub fn is_blank(&self) -> bool {
        self.plain.iter().all(|c| c.is_whitespace())
    }

    /// The trimmed text without trailing punctuation, for "is the whole field
    /// just this phrase" checks.
    pub fn core(&self) -> String {
        self.folded
            .trim()
            .trim_end_matches(|c: char| c.is_ascii_punctuation() || "。、！？".contains(c))
            .trim()
            .to_string()
    }
}

/// Normalizes a word-list entry the same way as field text.
pub fn prepare_phrase(raw: &str) -> String {
    fold_kana(&raw.nfkc().collect::<String>().to_lowercase())
}

fn fold_kana(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3041}'..='\u{3096}' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
            other => other,
        })
        .collect()
}

pub fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}

pub fn is_katakana(c: char) -> bool {
    ('\u{30A1}'..='\u{30FA}').contains(&c) || c == 'ー'
}

fn is_latin_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || "、。，．・「」『』（）【】！？：；〜～".contains(c)
}

/// Whether `phrase` (prepared) occurs in `text` (folded), as whole words
/// where the phrase starts or ends with a Latin letter or digit.
pub fn contains_phrase(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    let starts_latin = phrase.chars().next().is_some_and(is_latin_word_char);
    let ends_latin = phrase.chars().last().is_some_and(is_latin_word_char);
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        let clean_start = !starts_latin || !before.is_some_and(is_latin_word_char);
        let clean_end = !ends_latin || !after.is_some_and(is_latin_word_char);
        clean_start && clean_end
    })
}

/// The run of letters (any script) or digits touching position `from`,
/// walking in `step` direction.
fn run_length(chars: &[char], from: isize, step: isize) -> (usize, bool) {
    let mut i = from;
    let mut length = 0;
    let mut has_letter = false;
    while i >= 0 && (i as usize) < chars.len() && chars[i as usize].is_alphanumeric() {
        has_letter |= chars[i as usize].is_alphabetic();
        length += 1;
        i += step;
    }
    (length, has_letter)
}

/// Whether a joining particle at `at..at+len` stands between two non-hiragana
/// words, as in 「美容室と歯科医院」 or 「インスタやTikTok」.
fn particle_joins(chars: &[char], at: usize, len: usize, allow_comma_before: bool) -> bool {
    let before = at.checked_sub(1).map(|i| chars[i]);
    let after = chars.get(at + len).copied();
    let word_end = before.is_some_and(|c| {
        (!is_hiragana(c) && !c.is_whitespace() && !is_punctuation(c)) || (allow_comma_before && c == '、')
    });
    let word_start = after.is_some_and(|c| !is_hiragana(c) && !c.is_whitespace() && !is_punctuation(c));
    word_end && word_start
}

/// Whether the text names more than one item: joined by a conjunction word,
/// a particle between two words, "&" or "/" between two words, "・" outside
/// a katakana name, or (when `commas`) a comma not inside a number.
pub fn names_several(text: &Prepared, conjunctions: &[String], particles: &[String], commas: bool) -> bool {
    if conjunctions.iter().any(|w| contains_phrase(&text.folded, w)) {
        return true;
    }
    let chars = &text.plain;
    for particle in particles {
        let p: Vec<char> = particle.chars().collect();
        if p.is_empty() || p.len() > chars.len() {
            continue;
        }
        for at in 0..=chars.len() - p.len() {
            if chars[at..at + p.len()] == p[..] && particle_joins(chars, at, p.len(), p.len() > 1) {
                return true;
            }
        }
    }
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let joins = match c {
            '&' => {
                let spaced = before.is_some_and(char::is_whitespace) || after.is_some_and(char::is_whitespace);
                let (left, _) = run_length(chars, i as isize - 1, -1);
                let (right, _) = run_length(chars, i as isize + 1, 1);
                spaced || (left >= 2 && right >= 2)
            }
            '/' => {
                let (left, left_letters) = run_length(chars, i as isize - 1, -1);
                let (right, right_letters) = run_length(chars, i as isize + 1, 1);
                left >= 2 && right >= 2 && left_letters && right_letters
            }
            '・' => !(before.is_some_and(is_katakana) && after.is_some_and(is_katakana)),
            ',' | '、' if commas => {
                !(before.is_some_and(|b| b.is_ascii_digit()) && after.is_some_and(|a| a.is_ascii_digit()))
            }
            _ => false,
        };
        if joins && before.is_some() && after.is_some() {
            return true;
        }
    }
    false
}

/// Whether the text holds a number: digits (full-width too, after NFKC), or a
/// kanji numeral followed by a counter (三件, 十人).
pub fn has_number(text: &Prepared) -> bool {
    let chars = &text.plain;
    chars.iter().any(|c| c.is_ascii_digit())
        || chars
            .windows(2)
            .any(|w| "一二三四五六七八九十百千万".contains(w[0]) && "件人回本つ個点社名か日週年割".contains(w[1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn several(text: &str) -> bool {
        let conjunctions: Vec<String> = ["and", "or", "および", "または"]
            .iter()
            .map(|w| prepare_phrase(w))
            .collect();
        let particles: Vec<String> = ["と", "や", "また"].iter().map(|w| w.to_string()).collect();
        names_several(&Prepared::new(text), &conjunctions, &particles, true)
    }

    #[test]
    fn english_joining_words_match_whole_words_only() {
        assert!(several("Dentists and vets"));
        assert!(several("Instagram or TikTok"));
        for innocent in [
            "Android developers",
            "Brand owners",
            "Handmade candle shops",
            "Organic farms",
            "Order desks",
        ] {
            assert!(!several(innocent), "{innocent}");
        }
    }

    #[test]
    fn ampersand_and_slash_join_words_but_not_abbreviations_or_numbers() {
        assert!(several("Cafes & bakeries"));
        assert!(several("Instagram/TikTok"));
        assert!(several("cafes&bakeries"));
        assert!(!several("B&B owners"));
        assert!(!several("R&D teams"));
        assert!(!several("24/7 support desks"));
    }

    #[test]
    fn japanese_particles_join_only_between_words() {
        assert!(several("美容室と歯科医院"));
        assert!(several("カフェやパン屋"));
        assert!(several("インスタとTikTok"));
        assert!(several("美容室、また歯科医院"));
        assert!(!several("ともだちの店"));
        assert!(!several("ポートフォリオ制作"));
        assert!(!several("ひとりで働く整体師"));
        assert!(!several("また来たくなる店"));
    }

    #[test]
    fn full_width_and_half_width_forms_agree() {
        assert!(several("Ｉｎｓｔａｇｒａｍ ａｎｄ ＴｉｋＴｏｋ"));
        assert!(several("ｶﾌｪとﾊﾟﾝ屋"));
        assert!(contains_phrase(
            &Prepared::new("ﾌｫﾛﾜｰ数").folded,
            &prepare_phrase("フォロワー")
        ));
        assert!(contains_phrase(
            &Prepared::new("イイネの数").folded,
            &prepare_phrase("いいね")
        ));
    }

    #[test]
    fn nakaguro_splits_items_but_not_katakana_names() {
        assert!(several("美容室・歯科医院"));
        assert!(!several("ビジネス・コーチ"));
    }

    #[test]
    fn commas_split_items_but_not_numbers() {
        assert!(several("Dentists, vets"));
        assert!(several("美容室、歯科医院"));
        assert!(!several("Shops with 1,000 orders"));
    }

    #[test]
    fn numbers_are_found_in_digits_full_width_and_kanji_with_counters() {
        assert!(has_number(&Prepared::new("8 booked calls")));
        assert!(has_number(&Prepared::new("初診予約８件")));
        assert!(has_number(&Prepared::new("初診予約三件")));
        assert!(!has_number(&Prepared::new("一緒に増やす")));
        assert!(!has_number(&Prepared::new("More bookings")));
    }
}
