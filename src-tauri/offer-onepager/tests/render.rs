//! The one-pager as a user gets it: real Typst layout with the system's fonts,
//! checked through the produced PDF and the laid-out text.

use chrono::{TimeZone, Utc};
use offerwright_core::app::examples::load_example;
use offerwright_core::app::onepager::{compose, onepager, OnePager};
use offerwright_core::domain::input::{CandidateInput, DeliverableInput, OfferInput, OutcomeInput};
use offerwright_core::domain::package::PackageInput;
use offerwright_core::domain::{candidate::CandidateFields, offer::OfferFields};
use offerwright_core::{Database, Lang};
use offerwright_onepager::{render, Fonts, Paper, RenderError, FLOOR_PT, START_PT};

/// Counts the pages the PDF itself declares (its page tree's /Count).
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    let tree = text
        .find("/Type /Pages")
        .or_else(|| text.find("/Type/Pages"))
        .expect("a page tree");
    // The /Count of the page tree object that holds /Type /Pages.
    let start = text[..tree].rfind("obj").expect("an object");
    let end = tree + text[tree..].find("endobj").expect("end of object");
    let object = &text[start..end];
    let at = object.find("/Count").expect("a page count") + "/Count".len();
    object[at..]
        .trim_start()
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

fn example(lang: Lang) -> OnePager {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Database::open(&dir.path().join("w.sqlite")).unwrap();
    load_example(&mut db, lang, Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap()).unwrap();
    let offer = db.list_offers().unwrap()[0].id;
    onepager(&db, offer, lang).unwrap()
}

fn offer_input(title: &str, lang: Lang) -> OfferInput {
    OfferInput {
        candidate_id: None,
        title: title.into(),
        promise: lang
            .pick(
                "毎月8件の初診予約をInstagramから",
                "Eight booked consultations a month from Instagram",
            )
            .into(),
        deliverables: vec![DeliverableInput {
            name: lang.pick("ショート動画", "Short video").into(),
            quantity_per_month: 8,
            turnaround_days: 3,
            hours_each: "1.5".into(),
        }],
        out_of_scope: vec![lang.pick("広告運用", "Ads management").into()],
        price: "30000".into(),
        currency: "JPY".into(),
        minimum_term_months: 3,
        success_metric: String::new(),
        contact: "hello@example.com".into(),
    }
}

fn candidate_input(lang: Lang) -> CandidateInput {
    CandidateInput {
        name: "Dental".into(),
        platform: "Instagram".into(),
        audience: lang.pick("大阪の歯科医院", "Dental clinics in Osaka").into(),
        problem: lang.pick("投稿する時間がない", "No time to post").into(),
        outcome: OutcomeInput {
            metric: lang.pick("初診予約", "Booked consultations").into(),
            target: Some(8),
            unit: lang.pick("件/月", "per month").into(),
            timeframe_amount: Some(3),
            timeframe_unit: "months".into(),
        },
        ..CandidateInput::default()
    }
}

fn page_of(offer: &OfferInput, candidate: &CandidateInput, lang: Lang) -> OnePager {
    let offer = OfferFields::try_from(offer).expect("a valid offer");
    let candidate = CandidateFields::try_from(candidate).expect("a valid candidate");
    compose(&offer, Some(&candidate), &PackageInput::starting_point(), None, lang)
}

#[test]
fn the_examples_print_on_one_page_in_both_languages_and_both_papers() {
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    for lang in [Lang::Ja, Lang::En] {
        let page = example(lang);
        for paper in [Paper::A4, Paper::Letter] {
            let rendered = render(&page, paper, Fonts::system()).unwrap();
            let pdf = rendered.pdf().unwrap();
            assert_eq!(pdf_pages(&pdf), 1, "{lang:?} {paper:?}");
            assert_eq!(rendered.empty_boxes(), 0, "{lang:?} {paper:?} printed empty boxes");
            assert!(rendered.size_pt >= FLOOR_PT && rendered.size_pt <= START_PT);
            let text: String = rendered
                .text()
                .split_whitespace()
                .collect::<String>()
                .replace('\u{200B}', "");
            let title: String = page.title.split_whitespace().collect();
            assert!(text.contains(&title), "{lang:?}: title missing from {text}");
            std::fs::write(
                out.join(format!("onepager-{}-{}.pdf", lang.as_str(), paper.as_str())),
                &pdf,
            )
            .unwrap();
        }
    }
}

#[test]
fn paper_sizes_are_a4_and_us_letter() {
    let page = example(Lang::En);
    let (w, h) = render(&page, Paper::A4, Fonts::system())
        .unwrap()
        .page_size_pt()
        .unwrap();
    assert!((w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5, "{w}×{h}");
    let (w, h) = render(&page, Paper::Letter, Fonts::system())
        .unwrap()
        .page_size_pt()
        .unwrap();
    assert!((w - 612.0).abs() < 0.5 && (h - 792.0).abs() < 0.5, "{w}×{h}");
}

#[test]
fn the_same_offer_gives_the_same_bytes() {
    let page = example(Lang::Ja);
    let a = render(&page, Paper::A4, Fonts::system()).unwrap();
    let b = render(&page, Paper::A4, Fonts::system()).unwrap();
    assert_eq!(a.pdf().unwrap(), b.pdf().unwrap());
    assert_eq!(a.svg(), b.svg());
}

#[test]
fn user_text_is_printed_literally_never_run_as_markup() {
    let payloads = [
        r#"#read("/etc/passwd")"#,
        r#"#import "/etc/hosts": *"#,
        r#"#include "/etc/hostname""#,
        "] [ * _ $ x^2 $ `raw` @label <tag> // comment /* c */",
        "#set page(height: 1pt)",
        r#"#image("/usr/share/pixmaps/debian-logo.png")"#,
        r#"#json("data.json")"#,
        "<img src=x onerror=alert(1)></script>",
        r#"\#let x = 1; #x"#,
    ];
    for payload in payloads {
        let mut offer = offer_input(payload, Lang::En);
        offer.promise = payload.into();
        offer.contact = payload.into();
        offer.deliverables[0].name = payload.chars().take(80).collect();
        offer.out_of_scope = vec![payload.into()];
        let mut candidate = candidate_input(Lang::En);
        candidate.audience = payload.into();
        candidate.problem = payload.into();
        let page = page_of(&offer, &candidate, Lang::En);
        // A file request other than the template and data.json fails the render,
        // so success also proves nothing else was read.
        let rendered = render(&page, Paper::A4, Fonts::system()).unwrap_or_else(|e| panic!("{payload}: {e}"));
        assert_eq!(rendered.pages(), 1, "{payload} changed the page");
        let text: String = rendered
            .text()
            .split_whitespace()
            .collect::<String>()
            .replace('\u{200B}', "");
        let literal: String = payload.split_whitespace().collect();
        assert!(
            text.matches(&literal).count() >= 5,
            "{payload} not shown as text: {text}"
        );
        assert!(!text.contains("root:"), "{payload} leaked a file");
    }
}

#[test]
fn longer_text_shrinks_the_type_but_stays_readable() {
    let mut offer = offer_input("Reels for dental clinics", Lang::En);
    offer.deliverables = (0..9)
        .map(|i| DeliverableInput {
            name: format!("Deliverable number {i} with a fairly long descriptive name here"),
            quantity_per_month: 4,
            turnaround_days: 2,
            hours_each: "1".into(),
        })
        .collect();
    offer.out_of_scope = (0..6)
        .map(|i| format!("Excluded item {i}, which also takes a line or two to explain properly"))
        .collect();
    let short = render(
        &page_of(&offer_input("Short", Lang::En), &candidate_input(Lang::En), Lang::En),
        Paper::A4,
        Fonts::system(),
    )
    .unwrap();
    let long = render(
        &page_of(&offer, &candidate_input(Lang::En), Lang::En),
        Paper::A4,
        Fonts::system(),
    )
    .unwrap();
    assert_eq!(short.size_pt, START_PT);
    assert!(long.size_pt < START_PT && long.size_pt >= FLOOR_PT, "{}", long.size_pt);
    let pdf = long.pdf().unwrap();
    assert_eq!(pdf_pages(&pdf), 1);
    std::fs::write(
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("onepager-long.pdf"),
        &pdf,
    )
    .unwrap();
}

/// Generated inputs from short to the longest the app accepts: every one
/// either prints on exactly one page or is refused naming a section.
#[test]
fn generated_long_inputs_always_give_one_page_or_a_clear_refusal() {
    let word = |lang: Lang, i: usize| match lang {
        Lang::Ja => ["初診予約", "を増やす", "ための", "短い動画", "と投稿", "、"][i % 6],
        Lang::En => ["booked ", "calls ", "from ", "short ", "weekly ", "videos "][i % 6],
    };
    let text =
        |lang: Lang, n: usize| -> String { (0..n).map(|i| word(lang, i)).collect::<String>().trim().to_string() };
    let cap = |s: String, graphemes: usize| -> String { s.chars().take(graphemes).collect() };
    let mut refused = 0;
    let mut printed = 0;
    for lang in [Lang::Ja, Lang::En] {
        for (items, words) in [(1, 3), (3, 8), (6, 14), (10, 20), (14, 30), (20, 40), (20, 80)] {
            let mut offer = offer_input(&cap(text(lang, words), 80), lang);
            offer.promise = cap(text(lang, words * 2), 200);
            offer.deliverables = (0..items)
                .map(|i| DeliverableInput {
                    name: cap(text(lang, words + i), 80),
                    quantity_per_month: 2,
                    turnaround_days: 5,
                    hours_each: "1".into(),
                })
                .collect();
            offer.out_of_scope = (0..items).map(|i| cap(text(lang, words * 2 + i), 200)).collect();
            offer.contact = cap(text(lang, words), 200);
            let mut candidate = candidate_input(lang);
            candidate.problem = cap(text(lang, words * 3), 200);
            candidate.audience = cap(text(lang, words * 2), 200);
            let page = page_of(&offer, &candidate, lang);
            for paper in [Paper::A4, Paper::Letter] {
                match render(&page, paper, Fonts::system()) {
                    Ok(r) => {
                        assert_eq!(pdf_pages(&r.pdf().unwrap()), 1, "{lang:?} {items}×{words} {paper:?}");
                        printed += 1;
                    }
                    Err(RenderError::DoesNotFit { section, lines, chars }) => {
                        assert!(lines > 0 && chars > 0);
                        assert!(
                            [
                                "monthly",
                                "not_included",
                                "how_to_start",
                                "title",
                                "audience",
                                "problem",
                                "outcome"
                            ]
                            .contains(&section.as_str()),
                            "{section}"
                        );
                        refused += 1;
                    }
                    Err(other) => panic!("{lang:?} {items}×{words}: {other}"),
                }
            }
        }
    }
    assert!(printed >= 8 && refused >= 2, "printed {printed}, refused {refused}");
}

#[test]
fn a_hopeless_page_names_the_section_to_shorten_in_both_languages() {
    let mut offer = offer_input("Reels", Lang::En);
    offer.deliverables = (0..20)
        .map(|i| DeliverableInput {
            name: format!("{i} A deliverable whose name is as long as the app allows, eighty chars"),
            quantity_per_month: 1,
            turnaround_days: 1,
            hours_each: "1".into(),
        })
        .collect();
    let page = page_of(&offer, &candidate_input(Lang::En), Lang::En);
    let err = render(&page, Paper::A4, Fonts::system()).err().expect("refused");
    let RenderError::DoesNotFit { section, lines, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(section, "monthly");
    assert!(*lines >= 3, "{lines}");
    assert!(
        err.message(Lang::En).contains("“what you get each month”"),
        "{}",
        err.message(Lang::En)
    );
    assert!(
        err.message(Lang::Ja).contains("「毎月お届けするもの」"),
        "{}",
        err.message(Lang::Ja)
    );
}

#[test]
fn without_a_japanese_font_japanese_is_refused_not_boxed() {
    let dejavu = std::path::Path::new("/usr/share/fonts/truetype/dejavu");
    assert!(dejavu.is_dir(), "the test needs DejaVu (fonts-dejavu-core)");
    let latin_only = Fonts::from_dir(dejavu);
    let err = render(&example(Lang::Ja), Paper::A4, &latin_only)
        .err()
        .expect("refused");
    assert!(
        matches!(err, RenderError::MissingGlyphs { japanese: true, .. }),
        "{err:?}"
    );
    assert!(err.message(Lang::Ja).contains("fonts-noto-cjk"));
    assert!(err.message(Lang::En).contains("No Japanese font"));
    // English needs no Japanese font.
    let english = page_of(&offer_input("Reels", Lang::En), &candidate_input(Lang::En), Lang::En);
    let rendered = render(&english, Paper::A4, &latin_only).unwrap();
    assert_eq!(rendered.empty_boxes(), 0);
}

/// What a reader copying from the PDF gets: poppler's text layer.
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed by the test set-up");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn long_runs_wrap_without_putting_characters_into_the_text() {
    let url = "https://example.com/booking/dental-clinic/instagram-reels?plan=monthly";
    let mut offer = offer_input("Reels", Lang::En);
    offer.contact = url.into();
    // A run far wider than any column must still wrap to stay on the page.
    offer.promise = format!("See {}", "abcdefghij".repeat(12));
    let page = page_of(&offer, &candidate_input(Lang::En), Lang::En);
    let rendered = render(&page, Paper::A4, Fonts::system()).unwrap();
    assert_eq!(rendered.pages(), 1);
    let laid_out = rendered.text();
    assert!(
        !laid_out.contains('\u{200B}'),
        "no zero-width space in the laid-out text"
    );
    let copied = pdf_text(&rendered.pdf().unwrap());
    assert!(!copied.contains('\u{200B}'), "{copied}");
    let joined: String = copied.split_whitespace().collect();
    assert!(joined.contains(url), "the URL copies whole: {copied}");
    // The long run wrapped over two lines, its letters all there, nothing added.
    let placed: String = laid_out.split_whitespace().collect();
    assert!(placed.contains(&"abcdefghij".repeat(12)), "{laid_out}");
}

#[test]
fn marks_no_font_can_draw_on_their_letter_are_refused_not_boxed() {
    // Overlay marks on a Japanese letter: the Japanese face lacks the marks,
    // the faces with the marks lack the letter.
    let mut offer = offer_input("リール\u{0336}\u{0337}\u{0338}制作", Lang::Ja);
    offer.promise = "毎月8件\u{0338}".into();
    let page = page_of(&offer, &candidate_input(Lang::Ja), Lang::Ja);
    match render(&page, Paper::A4, Fonts::system()) {
        Err(RenderError::MissingGlyphs { chars, .. }) => {
            assert!(chars.chars().all(|c| ('\u{0336}'..='\u{0338}').contains(&c)), "{chars}")
        }
        Ok(rendered) => assert_eq!(rendered.empty_boxes(), 0, "printed, so without boxes"),
        Err(other) => panic!("{other:?}"),
    }
}

/// The worst text the app accepts: every field at its limit, every
/// character a letter with the most marks allowed. It must render (or be
/// refused with a clear error), not run for minutes; the time it takes is
/// measured by the render benchmark, not asserted here.
#[test]
fn the_worst_accepted_input_still_renders_or_is_refused_clearly() {
    let heavy = |n: usize| format!("a{}", "\u{0301}".repeat(9)).repeat(n);
    let mut offer = offer_input(&heavy(80), Lang::En);
    offer.promise = heavy(200);
    offer.contact = heavy(200);
    offer.deliverables[0].name = heavy(80);
    offer.out_of_scope = vec![heavy(200)];
    let mut candidate = candidate_input(Lang::En);
    candidate.audience = heavy(200);
    candidate.problem = heavy(200);
    let page = page_of(&offer, &candidate, Lang::En);
    match render(&page, Paper::A4, Fonts::system()) {
        Ok(rendered) => {
            assert_eq!(rendered.pages(), 1);
            assert_eq!(rendered.empty_boxes(), 0);
        }
        Err(e) => assert!(!e.message(Lang::En).is_empty(), "{e:?}"),
    }
}
