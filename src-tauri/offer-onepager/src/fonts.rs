//! The system's fonts, searched once per process, and the families the page
//! asks for in each language.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use offerwright_core::Lang;
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst_kit::fonts::{FontPath, FontSource, FontStore};

/// Japanese families in the order the page prefers them: what Debian/Ubuntu,
/// macOS and Windows ship or commonly have.
const JAPANESE: [&str; 9] = [
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "Source Han Sans JP",
    "IPAexGothic",
    "IPAGothic",
    "Hiragino Sans",
    "Hiragino Kaku Gothic ProN",
    "Yu Gothic",
    "Meiryo",
];

const LATIN: [&str; 9] = [
    "Noto Sans",
    "Inter",
    "Source Sans 3",
    "Helvetica Neue",
    "Helvetica",
    "Segoe UI",
    "Arial",
    "Liberation Sans",
    "DejaVu Sans",
];

pub struct Fonts {
    store: FontStore,
}

/// A font file mapped into memory rather than read into it: a render touches
/// only the tables and glyphs it uses (a few hundred of a 20 MB Japanese
/// face), and only those pages are resident — clean pages the kernel may
/// drop and share with other programs using the same font.
struct MappedFont {
    path: PathBuf,
    index: u32,
}

impl FontSource for MappedFont {
    fn load(&self) -> Option<Font> {
        let file = std::fs::File::open(&self.path).ok()?;
        // SAFETY: the map is read-only. Font files are replaced, not edited in
        // place (package managers write a new file and rename it, which leaves
        // this mapping on the old file), so its bytes do not change under us.
        let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
        Font::new(Bytes::new(map), self.index)
    }
}

fn mapped(found: impl Iterator<Item = (FontPath, FontInfo)>) -> impl Iterator<Item = (MappedFont, FontInfo)> {
    found.map(|(font, info)| {
        (
            MappedFont {
                path: font.path,
                index: font.index,
            },
            info,
        )
    })
}

impl Fonts {
    /// The fonts installed on this system, searched on first use (about
    /// 0.1 s) and shared by every render after.
    pub fn system() -> &'static Fonts {
        static SYSTEM: OnceLock<Fonts> = OnceLock::new();
        SYSTEM.get_or_init(Fonts::search_system)
    }

    /// Searches the system's fonts now, without sharing the result.
    pub fn search_system() -> Fonts {
        let mut store = FontStore::new();
        store.extend(mapped(typst_kit::fonts::system()));
        Fonts { store }
    }

    /// Only the fonts in one directory: lets tests see a machine without a
    /// Japanese font.
    pub fn from_dir(dir: &Path) -> Fonts {
        let mut store = FontStore::new();
        store.extend(mapped(typst_kit::fonts::scan(dir)));
        Fonts { store }
    }

    pub(crate) fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    pub(crate) fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }

    fn has(&self, family: &str) -> bool {
        self.book().contains_family(&family.to_lowercase())
    }

    /// The families the page's text asks for, first choice first: for
    /// Japanese the Japanese face leads (its Latin letters match it); for
    /// English a Latin face leads and a Japanese one covers any Japanese words.
    pub fn families(&self, lang: Lang) -> Vec<String> {
        let japanese = JAPANESE.iter().find(|f| self.has(f));
        let latin = LATIN.iter().find(|f| self.has(f));
        let ordered = match lang {
            Lang::Ja => [japanese, latin],
            Lang::En => [latin, japanese],
        };
        ordered.into_iter().flatten().map(|f| f.to_string()).collect()
    }

    /// The characters of `text` no font here can draw, each once, in order.
    pub fn uncovered(&self, text: &str) -> Vec<char> {
        let mut seen = std::collections::HashSet::new();
        let mut missing: Vec<char> = Vec::new();
        for c in text.chars() {
            if c.is_whitespace() || c.is_control() || !seen.insert(c) {
                continue;
            }
            let covered = (0..)
                .map_while(|i| self.book().info(i))
                .any(|info| info.coverage.contains(c as u32));
            if !covered {
                missing.push(c);
            }
        }
        missing
    }
}
