//! Several real processes on one database file at once, and files that
//! cannot be written: the cases where data used to be lost or a command
//! stalled. Every process here is the real CLI binary.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

fn cli_command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_offerwright-cli"));
    command
        .args(args)
        .env_remove("OFFERWRIGHT_DB")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn cli(args: &[&str]) -> Output {
    cli_command(args).output().expect("the CLI runs")
}

fn start(args: &[&str]) -> Child {
    cli_command(args).spawn().expect("the CLI starts")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A workspace file with `n` candidates named "{tag}-{i}", long enough that
/// an import takes a while.
fn batch(dir: &Path, tag: &str, n: usize) -> PathBuf {
    let candidates: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"ref":"c{i}","name":"{tag}-{i}","problem":"{}","notes":"{}"}}"#,
                "歯科医院がリールを投稿できない".repeat(3),
                "手順をひとつずつ決める。".repeat(30)
            )
        })
        .collect();
    let path = dir.join(format!("{tag}.json"));
    let text = format!(
        r#"{{"format":"offerwright","version":2,"candidates":[{}]}}"#,
        candidates.join(",")
    );
    std::fs::write(&path, text).unwrap();
    path
}

fn candidate_names(db: &Path) -> Vec<String> {
    let out = cli(&["--db", s(db), "list", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    list["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn processes_opening_a_new_database_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    for run in 0..25 {
        let db = dir.path().join(format!("new-{run}.sqlite3"));
        let children: Vec<Child> = (0..3).map(|_| start(&["--db", s(&db), "backups"])).collect();
        // `backups` does not open the file; `list` and `backup` do, and create it.
        let openers: Vec<Child> = vec![start(&["--db", s(&db), "list"]), start(&["--db", s(&db), "backup"])];
        for child in children.into_iter().chain(openers) {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "run {run}: {}", text(&out.stderr));
            assert!(!text(&out.stderr).contains("CREATE TABLE"), "no SQL is printed");
        }
    }
}

#[test]
fn concurrent_writers_wait_for_each_other_and_every_write_lands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("busy.sqlite3");
    let files: Vec<PathBuf> = (0..4).map(|w| batch(dir.path(), &format!("w{w}"), 300)).collect();
    let writers: Vec<Child> = files
        .iter()
        .flat_map(|f| (0..3).map(move |_| f))
        .map(|f| start(&["--db", s(&db), "import", s(f)]))
        .collect();
    for child in writers {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    assert_eq!(candidate_names(&db).len(), 4 * 3 * 300);
}

/// An import and a restore at once, many times with the restore starting a
/// little later each time: an import that says it succeeded must be found
/// afterwards, in the database or in the backup the restore kept of the
/// state it replaced.
#[test]
fn an_import_during_a_restore_is_never_silently_lost() {
    let dir = tempfile::tempdir().unwrap();
    let file = batch(dir.path(), "import", 1000);
    for run in 0..8u64 {
        let db = dir.path().join(format!("r{run}.sqlite3"));
        let small = batch(dir.path(), &format!("base{run}"), 2);
        assert!(cli(&["--db", s(&db), "import", s(&small)]).status.success());
        let taken = cli(&["--db", s(&db), "backup"]);
        let name = Path::new(text(&taken.stdout).trim())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let import = start(&["--db", s(&db), "import", s(&file)]);
        std::thread::sleep(Duration::from_millis(run * 40));
        let restore = cli(&["--db", s(&db), "restore", &name]);
        let import = import.wait_with_output().unwrap();
        assert!(restore.status.success(), "{}", text(&restore.stderr));
        if !import.status.success() {
            continue;
        }
        let in_db = candidate_names(&db).iter().filter(|n| n.starts_with("import-")).count();
        let said = text(&restore.stdout);
        let kept = said
            .split("kept as the backup ")
            .nth(1)
            .and_then(|rest| rest.strip_suffix(").\n"))
            .unwrap_or_else(|| panic!("the restore names its safety backup: {said}"));
        let kept_path = dir.path().join("backups").join(kept);
        let in_backup = candidate_names(&kept_path)
            .iter()
            .filter(|n| n.starts_with("import-"))
            .count();
        assert!(
            in_db == 1000 || in_backup == 1000,
            "run {run}: the import said it succeeded; database has {in_db}, safety backup {in_backup}"
        );
    }
}

/// A limit on file size stands in for a full disk: the write fails part way.
#[cfg(unix)]
#[test]
fn a_failed_export_leaves_the_previous_export_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let file = batch(dir.path(), "big", 400);
    assert!(cli(&["--db", s(&db), "import", s(&file)]).status.success());
    let out = dir.path().join("export.json");
    assert!(cli(&["--db", s(&db), "export", "--out", s(&out)]).status.success());
    let before = std::fs::read(&out).unwrap();
    assert!(before.len() > 600 * 1024, "big enough to pass the limit");
    // 512 KiB; SIGXFSZ ignored, so the write fails with an error instead of killing.
    let limited = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f 1024; exec '{}' --db '{}' export --out '{}'",
            env!("CARGO_BIN_EXE_offerwright-cli"),
            s(&db),
            s(&out)
        ))
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    assert_eq!(limited.status.code(), Some(1), "{}", text(&limited.stderr));
    assert_eq!(std::fs::read(&out).unwrap(), before, "the previous export is untouched");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".part"))
        .collect();
    assert!(leftovers.is_empty(), "no partial file is left behind");
}

#[test]
fn out_naming_the_file_being_read_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let file = batch(dir.path(), "mine", 2);
    assert!(cli(&["--db", s(&db), "import", s(&file)]).status.success());
    let before = std::fs::read(&db).unwrap();
    let out = cli(&["--db", s(&db), "export", "--out", s(&db)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("is the file being read"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let example = dir.path().join("ex.json");
    std::fs::write(
        &example,
        offerwright_core::app::examples::example_file(offerwright_core::Lang::En),
    )
    .unwrap();
    let before = std::fs::read(&example).unwrap();
    let same = dir.path().join(".").join("ex.json");
    let out = cli(&["onepager", s(&example), "--out", s(&same)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("file being read"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&example).unwrap(), before);
    // A folder as --out is blamed on --out, not on the input.
    let out = cli(&["onepager", s(&example), "--out", s(dir.path())]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(said.contains(&format!("Could not write {}", s(dir.path()))), "{said}");
}

/// Runs `args` as a user who cannot write to `dir` (as root, through
/// setpriv as nobody; root ignores permissions).
#[cfg(unix)]
fn cli_without_write_access(dir: &Path, args: &[&str]) -> Output {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let root = running_as_root();
    let mut command = if root {
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            env!("CARGO_BIN_EXE_offerwright-cli"),
        ]);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_offerwright-cli"))
    };
    let out = command
        .args(args)
        .env_remove("OFFERWRIGHT_DB")
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    out
}

#[cfg(unix)]
fn running_as_root() -> bool {
    // The owner of a file this process just made is its effective user.
    use std::os::unix::fs::MetadataExt;
    let probe = tempfile::NamedTempFile::new().unwrap();
    probe.as_file().metadata().unwrap().uid() == 0
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_still_lists_and_exports_and_says_why_it_cannot_write() {
    use std::os::unix::fs::PermissionsExt;
    let outer = tempfile::tempdir().unwrap();
    std::fs::set_permissions(outer.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let dir = outer.path().join("locked");
    std::fs::create_dir(&dir).unwrap();
    let db = dir.join("w.sqlite3");
    let file = batch(outer.path(), "shelf", 3);
    assert!(cli(&["--db", s(&db), "import", s(&file)]).status.success());
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let before = std::fs::read(&db).unwrap();

    let listed = cli_without_write_access(&dir, &["--db", s(&db), "list"]);
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    assert!(text(&listed.stdout).contains("shelf-2"), "{}", text(&listed.stdout));

    let target = outer.path().join("out");
    std::fs::create_dir(&target).unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o777)).unwrap();
    let exported = cli_without_write_access(&dir, &["--db", s(&db), "export", "--out", s(&target.join("x.json"))]);
    assert!(exported.status.success(), "{}", text(&exported.stderr));

    let written = cli_without_write_access(&dir, &["--db", s(&db), "import", s(&file)]);
    assert_eq!(written.status.code(), Some(1));
    let said = text(&written.stderr);
    assert!(said.contains("cannot be written"), "{said}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing changed");
}
