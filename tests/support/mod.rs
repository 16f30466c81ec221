//! Driving the real app: a private Xvfb display, tauri-driver with
//! WebKitWebDriver, and helpers that act as a person would. Shared by the
//! end-to-end test and the measurement of the real app.

#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

pub const WAIT: Duration = Duration::from_secs(20);

/// A child process that is stopped politely (SIGTERM, then SIGKILL) when the
/// test ends, pass or fail, so nothing is left holding the test's pipes.
pub struct Stopping(Child);

impl Drop for Stopping {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg("-TERM").arg(self.0.id().to_string()).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub fn find_tool(name: &str, extra: &[PathBuf]) -> PathBuf {
    let from_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).map(|d| d.join(name)).collect::<Vec<_>>())
        .unwrap_or_default();
    from_path
        .into_iter()
        .chain(extra.iter().cloned())
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("{name} is not installed; run the README's test command, which installs it"))
}

/// A private X display for this test run.
pub fn start_display() -> (Stopping, String) {
    let xvfb = find_tool("Xvfb", &[]);
    for number in 90..120 {
        if Path::new(&format!("/tmp/.X{number}-lock")).exists() {
            continue;
        }
        let display = format!(":{number}");
        let child = Command::new(&xvfb)
            .args([&display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        std::thread::sleep(Duration::from_millis(500));
        let stopping = Stopping(child);
        if Path::new(&format!("/tmp/.X11-unix/X{number}")).exists() {
            return (stopping, display);
        }
    }
    panic!("no free X display number for Xvfb");
}

pub fn start_driver(display: &str, db: &Path, lang: &str, port: u16) -> Stopping {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    let driver = find_tool("tauri-driver", &[home.join(".cargo/bin/tauri-driver")]);
    let child = Command::new(driver)
        .args(["--port", &port.to_string(), "--native-port", &free_port().to_string()])
        .env("DISPLAY", display)
        .env("OFFERWRIGHT_DB", db)
        .env("LANG", lang)
        .env("LC_ALL", lang)
        .env_remove("LC_MESSAGES")
        .stdout(Stdio::null())
        .stderr(driver_log(db))
        .spawn()
        .expect("tauri-driver starts");
    let deadline = Instant::now() + WAIT;
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "tauri-driver did not listen on {port}");
        std::thread::sleep(Duration::from_millis(100));
    }
    Stopping(child)
}

/// The driver's and the app's messages, kept next to the screenshots for when a test fails.
fn driver_log(db: &Path) -> Stdio {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
    let _ = std::fs::create_dir_all(&dir);
    let name = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    std::fs::File::create(dir.join(format!("driver-{name}.log")))
        .map(Stdio::from)
        .unwrap_or_else(|_| Stdio::null())
}

/// The app binary: `OFFERWRIGHT_APP` (e.g. a release build to measure), else
/// the one this test run built.
pub fn app_binary() -> PathBuf {
    std::env::var_os("OFFERWRIGHT_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_offerwright")))
}

pub async fn open_app(port: u16) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("wry"));
    caps.insert("tauri:options".into(), json!({ "application": app_binary() }));
    let client = ClientBuilder::rustls()
        .expect("TLS roots")
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a WebDriver session with the app");
    wait_for(&client, "document.body.dataset.ready === 'true'").await;
    client
}

/// Waits until a JavaScript expression is true in the app's page.
pub async fn wait_for(client: &Client, condition: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        let script = format!("return Boolean({condition});");
        if client.execute(&script, vec![]).await.ok().and_then(|v| v.as_bool()) == Some(true) {
            return;
        }
        if Instant::now() >= deadline {
            let page = client
                .execute("return document.body.innerText;", vec![])
                .await
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            if let Ok(png) = client.screenshot().await {
                let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots/failure.png");
                let _ = std::fs::write(path, png);
            }
            panic!("timed out waiting for: {condition}\n--- the screen shows (also in failure.png):\n{page}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn saved(client: &Client) {
    wait_for(
        client,
        "document.getElementById('save-status').dataset.state === 'saved'",
    )
    .await;
}

pub async fn click(client: &Client, css: &str) {
    // A screen may be drawn again between finding an element and clicking it
    // (a list refreshed after a save); then the element is found again.
    let mut attempts = 0;
    loop {
        attempts += 1;
        match try_click(client, css).await {
            Ok(()) => return,
            // WebKit's driver says "stale" or "Node … was not found".
            Err(e) if attempts < 3 && {
                let said = e.to_string().to_lowercase();
                said.contains("stale") || said.contains("was not found")
            } => {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => panic!("click {css}: {e}"),
        }
    }
}

async fn try_click(client: &Client, css: &str) -> Result<(), fantoccini::error::CmdError> {
    let element = client.wait().at_most(WAIT).for_element(Locator::Css(css)).await?;
    // Centre it first, so the sticky header cannot cover it.
    client
        .execute(
            &format!("document.querySelector({css:?}).scrollIntoView({{ block: 'center' }});"),
            vec![],
        )
        .await?;
    element.click().await
}

/// Sets a field's value at once and tells the page it changed, as a date
/// picker does (no key presses to type through).
pub async fn change_value(client: &Client, css: &str, value: &str) {
    let script = format!(
        "const d = document.querySelector({css:?}); d.value = {value:?}; \
         d.dispatchEvent(new Event('change', {{ bubbles: true }}));"
    );
    client.execute(&script, vec![]).await.unwrap_or_else(|e| panic!("{css}: {e}"));
}

pub async fn type_into(client: &Client, css: &str, text: &str) {
    // A screen may redraw between finding the field and typing (a save
    // landing); then find the new field and type again, a few times.
    for attempt in 0..5 {
        let field = client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"));
        let typed = match field.clear().await {
            Ok(()) => field.send_keys(text).await,
            Err(e) => Err(e),
        };
        match typed {
            Ok(()) => return,
            Err(e) if attempt < 4 && format!("{e:?}").contains("StaleElementReference") => continue,
            Err(e) => panic!("{css}: {e}"),
        }
    }
}

/// Selects what a field holds and types over it, then leaves the field with
/// Tab, as a person does; `clear()` would fire a change of its own, and these
/// fields re-render on change.
pub async fn replace_text(client: &Client, css: &str, text: &str) {
    click(client, css).await;
    client
        .execute(&format!("document.querySelector({css:?}).select();"), vec![])
        .await
        .unwrap();
    let field = client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    field.send_keys(&format!("{text}\u{e004}")).await.unwrap();
}

/// The element's visible text, read in one step so a re-render in between
/// cannot leave a stale element.
pub async fn text_of(client: &Client, css: &str) -> String {
    wait_for(client, &format!("document.querySelector({css:?})")).await;
    let script = format!("return document.querySelector({css:?}).innerText;");
    match client.execute(&script, vec![]).await.unwrap() {
        serde_json::Value::String(text) => text,
        other => panic!("{css}: no text ({other})"),
    }
}

pub async fn screenshot(client: &Client, name: &str) {
    // Let the last DOM change reach the screen before capturing it.
    tokio::time::sleep(Duration::from_millis(600)).await;
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), client.screenshot().await.unwrap()).unwrap();
}

/// The README's pictures are screenshots of the E2E: run it with
/// `OFFERWRIGHT_README_SCREENSHOTS=1` and the screenshot `name` just taken is
/// also written to `docs/screenshots/{readme}.png`. Without it nothing in the
/// tree changes, so a test run leaves the repository clean.
pub fn keep_for_readme(name: &str, readme: &str) {
    if std::env::var_os("OFFERWRIGHT_README_SCREENSHOTS").is_none() {
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join(format!("target/e2e-screenshots/{name}.png")),
        root.join(format!("docs/screenshots/{readme}.png")),
    )
    .unwrap_or_else(|e| panic!("README screenshot {readme}: {e}"));
}

/// Asks the app's window to close the way a window manager's close button
/// does (WM_DELETE_WINDOW), and waits until it is gone.
pub fn close_window_politely(display: &str) {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{AtomEnum, ClientMessageEvent, ConnectionExt, EventMask, MapState};
    let (conn, screen) = x11rb::connect(Some(display)).expect("X connection");
    let root = conn.setup().roots[screen].root;
    let atom = |name: &[u8]| conn.intern_atom(false, name).unwrap().reply().unwrap().atom;
    let (protocols, delete) = (atom(b"WM_PROTOCOLS"), atom(b"WM_DELETE_WINDOW"));
    let app_windows = || -> Vec<u32> {
        let children = conn.query_tree(root).unwrap().reply().unwrap().children;
        children
            .into_iter()
            .filter(|&w| {
                let viewable = conn
                    .get_window_attributes(w)
                    .ok()
                    .and_then(|c| c.reply().ok())
                    .is_some_and(|a| a.map_state == MapState::VIEWABLE);
                let name = conn
                    .get_property(false, w, AtomEnum::WM_NAME, AtomEnum::STRING, 0, 64)
                    .ok()
                    .and_then(|c| c.reply().ok())
                    .map(|p| p.value)
                    .unwrap_or_default();
                viewable && name == b"Offerwright"
            })
            .collect()
    };
    let windows = app_windows();
    assert!(!windows.is_empty(), "the app window is on the display");
    for window in windows {
        let event = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
        conn.send_event(false, window, EventMask::NO_EVENT, event).unwrap();
    }
    conn.flush().unwrap();
    let deadline = Instant::now() + WAIT;
    while !app_windows().is_empty() {
        assert!(Instant::now() < deadline, "the window did not close");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Prints the page as it stands now to PDF, with the app's own print style
/// sheets, and returns (pages, width, height) in points. WebKitGTK can only
/// print through a modal dialog, so the page's HTML and CSS are printed by
/// headless Chromium instead: a check of the print CSS, not of a printer.
pub async fn print_current_page(client: &Client, name: &str) -> (u32, f64, f64) {
    let dir = tempfile::tempdir().unwrap();
    let ui = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui");
    for entry in std::fs::read_dir(&ui).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "css" || e == "svg") {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let html = client
        .execute(
            "document.querySelectorAll('input').forEach((i) => i.setAttribute('value', i.value)); \
             return '<!doctype html>' + document.documentElement.outerHTML;",
            vec![],
        )
        .await
        .unwrap();
    let html = html
        .as_str()
        .unwrap()
        .replace(r#"<script type="module" src="app.js"></script>"#, "");
    let page = dir.path().join("page.html");
    std::fs::write(&page, html).unwrap();
    let pdf = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/e2e-screenshots/{name}.pdf"));
    let chromium = find_tool("chromium", &[]);
    let status = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.path().join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("chromium runs");
    assert!(status.success(), "chromium printed the page");
    pdf_info(&pdf)
}

/// (pages, width, height in points) of a PDF, as poppler's pdfinfo reads it.
pub fn pdf_info(pdf: &Path) -> (u32, f64, f64) {
    let info = Command::new(find_tool("pdfinfo", &[]))
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo could not read {}: {info}", pdf.display()));
    let size: Vec<f64> = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .map(|v| v.split_whitespace().filter_map(|w| w.parse().ok()).collect())
        .unwrap_or_default();
    (pages, size[0], size[1])
}

/// The text of a PDF as poppler's pdftotext extracts it.
pub fn pdf_text(pdf: &Path) -> String {
    let out = Command::new(find_tool("pdftotext", &[]))
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Answers the native save dialog titled `title` as a person would: waits
/// for it, types the full path into its name field, and presses Enter.
pub fn save_through_dialog(display: &str, title: &str, path: &Path) {
    answer_dialog(display, title, path, "ctrl+a");
}

/// Answers the system's open dialog titled `title` with `path`: the path is
/// typed into the dialog (Ctrl+L) and the file it finds is opened.
pub fn open_through_dialog(display: &str, title: &str, path: &Path) {
    answer_dialog(display, title, path, "ctrl+l");
}

/// Finds the dialog, presses `first_key` in it, types `path` and Return.
fn answer_dialog(display: &str, title: &str, path: &Path, first_key: &str) {
    let xdotool = find_tool("xdotool", &[]);
    let run = |args: &[&str]| {
        Command::new(&xdotool)
            .env("DISPLAY", display)
            .args(args)
            .output()
            .expect("xdotool runs")
    };
    let deadline = Instant::now() + WAIT;
    let window = loop {
        let found = run(&["search", "--onlyvisible", "--name", title]);
        let id = String::from_utf8_lossy(&found.stdout)
            .lines()
            .next()
            .map(str::to_string);
        if let Some(id) = id {
            break id;
        }
        assert!(Instant::now() < deadline, "no dialog titled {title}");
        std::thread::sleep(Duration::from_millis(200));
    };
    // Let GTK finish mapping the dialog and focusing its name field.
    std::thread::sleep(Duration::from_millis(700));
    run(&["windowfocus", "--sync", &window]);
    run(&["key", "--clearmodifiers", first_key]);
    run(&["type", "--delay", "20", &path.display().to_string()]);
    if first_key == "ctrl+l" {
        // GTK's open dialog starts in "Recent", where typing searches: the file
        // is then the first result, opened by moving to it and pressing Return.
        std::thread::sleep(Duration::from_millis(800));
        run(&["key", "Down"]);
    }
    run(&["key", "Return"]);
}

/// One end-to-end scenario: its own virtual display and folder, and its turn.
/// Scenarios take turns, since two apps at once on two cores slow each other
/// into timeouts; a failed one still hands the turn on.
pub struct Scenario {
    _display: Stopping,
    pub display: String,
    pub dir: tempfile::TempDir,
    // Last, so the turn passes on only once the display has stopped.
    _turn: std::sync::MutexGuard<'static, ()>,
}

static TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl Scenario {
    pub fn start() -> Scenario {
        let turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let (display_guard, display) = start_display();
        Scenario {
            _turn: turn,
            _display: display_guard,
            display,
            dir: tempfile::tempdir().unwrap(),
        }
    }
}

/// Runs axe-core (tests/axe, installed by .ci/setup) on what the window shows
/// now and fails on any critical or serious violation, naming the rule and
/// the first elements it found. Hidden parts (other tabs, folded details) are
/// not checked: show them first.
pub async fn assert_accessible(client: &Client, screen: &str) {
    let axe = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/axe/node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(&axe)
        .unwrap_or_else(|e| panic!("{}: {e} (bash .ci/setup installs axe-core)", axe.display()));
    let loaded = client
        .execute("return typeof window.axe === 'object';", vec![])
        .await
        .unwrap();
    if loaded != serde_json::Value::Bool(true) {
        client
            .execute(&format!("{source}\nwindow.axe = axe; return true;"), vec![])
            .await
            .unwrap_or_else(|e| panic!("loading axe-core: {e}"));
    }
    let found = client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             window.axe.run(document, { resultTypes: ['violations'], \
               runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }) \
               .then((r) => done(r.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious') \
                 .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`))) \
               .catch((e) => done([`axe did not run: ${e}`]));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(found, serde_json::json!([]), "accessibility violations on {screen}");
}
