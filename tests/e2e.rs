//! End to end: the real app binary in a real WebKit window under Xvfb, driven
//! through WebDriver (tauri-driver + WebKitWebDriver) as a user would, with
//! screenshots saved under target/e2e-screenshots/ for a person to look at.
//!
//! Needs Xvfb, WebKitWebDriver and tauri-driver; the README's test command
//! installs them.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

const WAIT: Duration = Duration::from_secs(20);

/// A child process that is stopped politely (SIGTERM, then SIGKILL) when the
/// test ends, pass or fail, so nothing is left holding the test's pipes.
struct Stopping(Child);

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

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn find_tool(name: &str, extra: &[PathBuf]) -> PathBuf {
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
fn start_display() -> (Stopping, String) {
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

fn start_driver(display: &str, db: &Path, lang: &str, port: u16) -> Stopping {
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
        .stderr(Stdio::null())
        .spawn()
        .expect("tauri-driver starts");
    let deadline = Instant::now() + WAIT;
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "tauri-driver did not listen on {port}");
        std::thread::sleep(Duration::from_millis(100));
    }
    Stopping(child)
}

async fn open_app(port: u16) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("wry"));
    caps.insert(
        "tauri:options".into(),
        json!({ "application": env!("CARGO_BIN_EXE_offerwright") }),
    );
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
async fn wait_for(client: &Client, condition: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        let script = format!("return Boolean({condition});");
        if client.execute(&script, vec![]).await.ok().and_then(|v| v.as_bool()) == Some(true) {
            return;
        }
        assert!(Instant::now() < deadline, "timed out waiting for: {condition}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn saved(client: &Client) {
    wait_for(
        client,
        "document.getElementById('save-status').dataset.state === 'saved'",
    )
    .await;
}

async fn click(client: &Client, css: &str) {
    let element = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    // Centre it first, so the sticky header cannot cover it.
    client
        .execute(&format!("document.querySelector({css:?}).scrollIntoView({{ block: 'center' }});"), vec![])
        .await
        .unwrap();
    element.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
}

async fn type_into(client: &Client, css: &str, text: &str) {
    let field = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

/// Selects what a field holds and types over it, then leaves the field with
/// Tab, as a person does; `clear()` would fire a change of its own, and these
/// fields re-render on change.
async fn replace_text(client: &Client, css: &str, text: &str) {
    click(client, css).await;
    client.execute(&format!("document.querySelector({css:?}).select();"), vec![]).await.unwrap();
    let field = client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}"));
    field.send_keys(&format!("{text}\u{e004}")).await.unwrap();
}

/// The element's visible text, read in one step so a re-render in between
/// cannot leave a stale element.
async fn text_of(client: &Client, css: &str) -> String {
    wait_for(client, &format!("document.querySelector({css:?})")).await;
    let script = format!("return document.querySelector({css:?}).innerText;");
    match client.execute(&script, vec![]).await.unwrap() {
        serde_json::Value::String(text) => text,
        other => panic!("{css}: no text ({other})"),
    }
}

async fn screenshot(client: &Client, name: &str) {
    // Let the last DOM change reach the screen before capturing it.
    tokio::time::sleep(Duration::from_millis(600)).await;
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), client.screenshot().await.unwrap()).unwrap();
}

/// Asks the app's window to close the way a window manager's close button
/// does (WM_DELETE_WINDOW), and waits until it is gone.
fn close_window_politely(display: &str) {
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_goes_from_examples_to_a_one_pager_in_english_and_japanese() {
    let (_display_guard, display) = start_display();
    let dir = tempfile::tempdir().unwrap();

    // English, from an empty workspace.
    let db_en = dir.path().join("en.sqlite3");
    let port = free_port();
    let driver = start_driver(&display, &db_en, "en_US.UTF-8", port);
    let app = open_app(port).await;
    assert_eq!(
        text_of(&app, "#welcome-title").await,
        "Plan one focused offer, step by step"
    );
    screenshot(&app, "01-welcome-en").await;

    click(&app, "#load-example-en").await;
    wait_for(&app, "document.querySelectorAll('[data-candidate]').length === 3").await;

    click(&app, "#new-candidate").await;
    wait_for(&app, "document.querySelectorAll('[data-candidate]').length === 4").await;
    type_into(&app, "[data-field='name']", "Bookkeeping videos for cafés").await;
    // The focus check speaks up beside the field as the user types.
    type_into(&app, "[data-field='audience']", "Everyone").await;
    wait_for(
        &app,
        "document.querySelector('.finding.error[data-code=\"vague_audience\"]')",
    )
    .await;
    assert!(text_of(&app, ".focus-summary").await.contains("to fix"));
    type_into(&app, "[data-field='platform']", "YouTube and Instagram").await;
    wait_for(
        &app,
        "document.querySelector('.finding.warning[data-code=\"several_platforms\"] .dismiss')",
    )
    .await;
    screenshot(&app, "02a-focus-check-en").await;
    click(&app, ".finding[data-code='several_platforms'] .dismiss").await;
    type_into(&app, ".dismiss-form input", "One video, posted to both").await;
    click(&app, ".dismiss-form .dismiss-confirm").await;
    wait_for(&app, "document.querySelector('.finding.dismissed[data-code=\"several_platforms\"]')?.textContent.includes('One video, posted to both')").await;
    type_into(&app, "[data-field='platform']", "YouTube").await;
    type_into(&app, "[data-field='audience']", "Independent cafés in Portland").await;
    wait_for(
        &app,
        "!document.querySelector('.finding[data-code=\"vague_audience\"]')",
    )
    .await;
    type_into(&app, "[data-field='outcome.timeframe_amount']", "500").await;
    wait_for(
        &app,
        "document.getElementById('save-status').dataset.state === 'failed'",
    )
    .await;
    wait_for(
        &app,
        "document.querySelector('[data-field=\"outcome.timeframe_amount\"]').getAttribute('aria-invalid') === 'true'",
    )
    .await;
    let error = app
        .execute("return document.getElementById(document.querySelector('[data-field=\"outcome.timeframe_amount\"]').id + '-error').textContent", vec![])
        .await
        .unwrap();
    assert_eq!(error, "Please enter a number from 1 to 120.");
    screenshot(&app, "02-field-error-en").await;
    type_into(&app, "[data-field='outcome.timeframe_amount']", "3").await;
    // Score every criterion (a sticky header can cover a select, so the
    // choice is made the way the select itself reports it: a change event).
    app.execute(
        "document.querySelectorAll('[data-field^=\"scores.\"]').forEach((el, i) => { \
           el.value = i % 2 === 0 ? '5' : '4'; el.dispatchEvent(new Event('change', { bubbles: true })); });",
        vec![],
    )
    .await
    .unwrap();
    saved(&app).await;
    screenshot(&app, "03-candidates-en").await;

    click(&app, ".step[data-view='compare']").await;
    wait_for(&app, "document.getElementById('compare-table')").await;
    let header = text_of(&app, "#compare-table thead").await;
    assert!(header.contains("Bookkeeping videos for cafés"), "{header}");
    // How sure first place is, the Fermi check from the user's numbers, and
    // weights that re-rank at once.
    assert!(text_of(&app, "#verdict").await.contains("Bookkeeping videos for cafés"));
    replace_text(&app, ".targets [data-field='monthly_income']", "3000").await;
    // The example offer is $450 a month: 7 clients, 35 leads at the default 20 %.
    wait_for(&app, "[...document.querySelectorAll('tr.fermi')].some(r => r.textContent.includes('35'))").await;
    let total_before = text_of(&app, "#compare-table tr.total").await;
    replace_text(&app, "[data-weight-for]", "0").await;
    wait_for(&app, "document.querySelector('[data-weight-for]').value === '0'").await;
    wait_for(&app, &format!("document.querySelector('#compare-table tr.total').innerText !== {total_before:?}")).await;
    assert!(app.find(Locator::Css("svg.shares-chart rect.share-bar")).await.is_ok());
    screenshot(&app, "04-compare-en").await;
    click(&app, "input[data-mode='evidence']").await;
    wait_for(&app, "document.querySelector('input[data-mode=\"evidence\"]').checked").await;
    wait_for(&app, &format!("document.querySelector('#compare-table tr.total').innerText !== {total_before:?}")).await;
    screenshot(&app, "04b-compare-evidence-en").await;

    click(&app, ".step[data-view='candidates']").await;
    click(&app, "li:last-child > [data-candidate]").await;
    wait_for(
        &app,
        "document.getElementById('candidate-heading').textContent === 'Bookkeeping videos for cafés'",
    )
    .await;
    click(&app, "#draft-offer").await;
    wait_for(
        &app,
        "document.querySelector('[data-field=\"title\"]')?.value === 'Bookkeeping videos for cafés'",
    )
    .await;
    type_into(
        &app,
        "[data-field='promise']",
        "Books closed every month, so you see your margin by the 5th.",
    )
    .await;
    type_into(&app, "[data-field='price']", "300").await;
    click(&app, "#add-deliverable").await;
    type_into(
        &app,
        "tr.deliverable:last-child [data-part='name']",
        "Monthly bookkeeping video",
    )
    .await;
    type_into(&app, "tr.deliverable:last-child [data-part='quantity_per_month']", "4").await;
    type_into(&app, "tr.deliverable:last-child [data-part='hours_each']", "1.5").await;
    type_into(&app, "[data-field='contact']", "Alex Kim · alex@example.com").await;
    saved(&app).await;
    assert_eq!(text_of(&app, "#price-display").await, "$300.00");
    screenshot(&app, "05-offer-en").await;

    click(&app, "#open-onepager").await;
    wait_for(&app, "document.getElementById('onepager-sheet')").await;
    let sheet = text_of(&app, "#onepager-sheet").await;
    assert!(
        sheet.contains("Bookkeeping videos for cafés") && sheet.contains("$300.00"),
        "{sheet}"
    );
    assert!(sheet.contains("Monthly bookkeeping video"), "{sheet}");
    screenshot(&app, "06-onepager-en").await;

    // Switching the language changes every screen and is remembered.
    let picker = app.find(Locator::Css("#language")).await.unwrap();
    picker.select_by_value("ja").await.unwrap();
    wait_for(&app, "document.documentElement.lang === 'ja'").await;
    assert!(text_of(&app, "#onepager-sheet").await.contains("毎月お届けするもの"));
    screenshot(&app, "07-onepager-switched-ja").await;

    // An edit typed just before the window closes is saved, not lost.
    click(&app, ".step[data-view='candidates']").await;
    type_into(&app, "[data-field='notes']", "閉じる直前に書いたメモ").await;
    close_window_politely(&display);
    drop(app);
    drop(driver);

    // What the user typed is in the SQLite file, without any Save button.
    let db = offerwright_core::Database::open(&db_en).unwrap();
    let offer = db
        .list_offers()
        .unwrap()
        .into_iter()
        .find(|o| o.draft.title.as_str() == "Bookkeeping videos for cafés")
        .unwrap();
    assert_eq!(offer.draft.monthly_price.minor(), 30_000);
    assert_eq!(offer.draft.deliverables[0].minutes_each, 90);
    assert_eq!(db.language().unwrap(), Some(offerwright_core::Lang::Ja));
    let candidate = db.get_candidate(offer.draft.candidate_id.unwrap()).unwrap();
    assert_eq!(candidate.draft.notes.as_str(), "閉じる直前に書いたメモ");
    drop(db);

    // Japanese, from the OS locale, with the Japanese example.
    let db_ja = dir.path().join("ja.sqlite3");
    let port = free_port();
    let _driver = start_driver(&display, &db_ja, "ja_JP.UTF-8", port);
    let app = open_app(port).await;
    assert_eq!(
        text_of(&app, "#welcome-title").await,
        "ひとつに絞ったオファーを、順番に作りましょう"
    );
    screenshot(&app, "11-welcome-ja").await;
    click(&app, "#load-example-ja").await;
    wait_for(&app, "document.querySelectorAll('[data-candidate]').length === 3").await;
    screenshot(&app, "12-candidates-ja").await;
    app.execute("document.querySelector('.scores').scrollIntoView({ block: 'center' });", vec![]).await.unwrap();
    assert_eq!(
        app.execute("return document.querySelector('[data-field^=\"evidence.\"]').value", vec![]).await.unwrap(),
        "paid_pilot"
    );
    screenshot(&app, "12b-scores-ja").await;
    click(&app, ".step[data-view='compare']").await;
    wait_for(&app, "document.getElementById('compare-table')").await;
    assert!(text_of(&app, "#compare-table").await.contains("悩みの深さ・緊急度"));
    screenshot(&app, "13-compare-ja").await;
    click(&app, ".step[data-view='offers']").await;
    wait_for(&app, "document.querySelector('[data-field=\"title\"]')").await;
    screenshot(&app, "14-offer-ja").await;
    click(&app, "#open-onepager").await;
    wait_for(&app, "document.getElementById('onepager-sheet')").await;
    assert!(text_of(&app, "#onepager-sheet").await.contains("¥55,000"));
    screenshot(&app, "15-onepager-ja").await;
    app.close().await.unwrap();
}
