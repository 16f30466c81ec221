//! The C library's locale, made usable before GTK starts.
//!
//! When the locale the user names (`LANG=ja_JP.UTF-8`) is not installed, the
//! C library falls back to plain "C", whose character set is ASCII, and GTK
//! then silently shows no file dialog with a Japanese title: "Import a file…"
//! did nothing at all. The app's own language is read from the variables'
//! names later (see `commands::settings::app_state`), so only the C library's
//! locale changes here, to one that exists everywhere and speaks UTF-8.

/// Call first thing in `main`, before any thread starts.
#[cfg(target_os = "linux")]
pub fn use_utf8_when_the_named_locale_is_missing() {
    // SAFETY: no other thread exists yet, so nothing reads the locale or the
    // environment while they change; the pointer passed is a C string literal.
    unsafe {
        if libc::setlocale(libc::LC_ALL, c"".as_ptr()).is_null() {
            std::env::set_var("LC_ALL", "C.UTF-8");
        }
    }
}

#[cfg(not(target_os = "linux"))]
pub fn use_utf8_when_the_named_locale_is_missing() {}
