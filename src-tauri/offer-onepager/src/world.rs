//! The compiler's whole view of the world: the bundled template, the page's
//! data as a virtual `data.json`, and fonts. Any other file is refused, and
//! the refusal is remembered so tests can see what was asked for.

use std::sync::Mutex;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::fonts::Fonts;

pub const TEMPLATE: &str = include_str!("../template/onepager.typ");

fn file_id(path: &str) -> FileId {
    // Both paths are constants, so this cannot fail at run time; a typo fails every test.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| panic!("bad built-in path {path}"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

pub struct PageWorld<'a> {
    library: LazyHash<Library>,
    fonts: &'a Fonts,
    main: Source,
    data_id: FileId,
    data: Bytes,
    refused: Mutex<Vec<String>>,
}

impl<'a> PageWorld<'a> {
    pub fn new(fonts: &'a Fonts, data: Bytes, inputs: Dict) -> PageWorld<'a> {
        PageWorld {
            library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
            fonts,
            main: Source::new(file_id("/onepager.typ"), TEMPLATE.to_string()),
            data_id: file_id("/data.json"),
            data,
            refused: Mutex::new(Vec::new()),
        }
    }

    /// Every file request that was refused, as the path the template asked for.
    pub fn refused(&self) -> Vec<String> {
        self.refused.lock().map(|r| r.clone()).unwrap_or_default()
    }

    fn refuse(&self, id: FileId) -> FileError {
        if let Ok(mut r) = self.refused.lock() {
            r.push(format!("{:?}", id.get()));
        }
        FileError::AccessDenied
    }
}

impl World for PageWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(self.refuse(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(self.refuse(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    /// No clock inside: the same offer gives the same bytes.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
