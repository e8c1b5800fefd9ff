//! SIGTERM and SIGINT while a command writes: the temporaries it made are
//! removed, nothing half-written is left, and the exit status says which
//! signal stopped it (128 + its number).

use crate::util::{data_dir, igfkg, stderr, temporaries, workspace};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Starts igfkg, waits until one of its temporaries exists in `folder`,
/// sends it `signal` (`TERM`, `INT`), and returns how it ended.
fn stop_while_writing(dir: &Path, args: &[&str], folder: &Path, signal: &str) -> ExitStatus {
    stop_while_writing_in(dir, args, folder, signal, &[])
}

/// [`stop_while_writing`] with variables set in igfkg's environment.
fn stop_while_writing_in(
    dir: &Path,
    args: &[&str],
    folder: &Path,
    signal: &str,
    envs: &[(&str, &Path)],
) -> ExitStatus {
    let mut child: Child = Command::new(env!("CARGO_BIN_EXE_igfkg"))
        .args(args)
        .envs(envs.iter().copied())
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while temporaries(folder).is_empty() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("igfkg {args:?} ended ({status}) before a temporary was seen");
        }
        assert!(start.elapsed() < Duration::from_secs(300), "no temporary");
        std::thread::sleep(Duration::from_millis(2));
    }
    let killed = Command::new("kill")
        .args([format!("-{signal}"), child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains(&format!("stopped by SIG{signal}")), "{err}");
    output.status
}

#[test]
fn sigterm_during_a_build_removes_its_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    let reference = data_dir().join("reference");
    let generated = igfkg(
        dir.path(),
        &[
            "gen",
            "synthetic",
            "--messages",
            "1000",
            "--years",
            "3",
            "--reference",
            reference.to_str().unwrap(),
        ],
    );
    assert!(generated.status.success(), "{}", stderr(&generated));
    let out = dir.path().join("out");
    let status = stop_while_writing(
        dir.path(),
        &["build", "--data", "synthetic", "--out", "out", "--quiet"],
        &out,
        "TERM",
    );
    assert_eq!(status.code(), Some(128 + 15));
    assert_eq!(temporaries(&out), Vec::<PathBuf>::new());
    // The build stopped before its outputs were put in place.
    for name in ["igfkg.ttl", "igfkg.nq", "igfkg.build.json"] {
        assert!(!out.join(name).exists(), "{name} was written");
    }
}

#[test]
fn ctrl_c_during_a_release_removes_its_staging_folder() {
    let dir = workspace();
    let built = igfkg(dir.path(), &["build", "--quiet"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let status = stop_while_writing(
        dir.path(),
        &["release", "releases/latest", "--created", "2026-11-24"],
        &dir.path().join("releases"),
        "INT",
    );
    assert_eq!(status.code(), Some(128 + 2));
    assert_eq!(
        temporaries(&dir.path().join("releases")),
        Vec::<PathBuf>::new()
    );
    assert!(!dir.path().join("releases/latest").exists());
}

#[test]
fn sigterm_during_an_export_removes_its_temporary() {
    let dir = workspace();
    let built = igfkg(dir.path(), &["build", "--quiet"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let exports = dir.path().join("exports");
    let status = stop_while_writing(
        dir.path(),
        &["export", "-o", "exports/graph.jsonld"],
        &exports,
        "TERM",
    );
    assert_eq!(status.code(), Some(128 + 15));
    assert_eq!(temporaries(&exports), Vec::<PathBuf>::new());
    assert!(!exports.join("graph.jsonld").exists());
}

#[test]
fn sigterm_during_a_push_removes_its_graph_files() {
    let dir = crate::util::built();
    // The system's temporary folder of this push, where it splits the dump
    // into one N-Triples file per graph.
    let tmp = tempfile::tempdir().unwrap();
    // A store that takes the connection and never answers: the push waits
    // on its first graph.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}/", silent.local_addr().unwrap());
    let status = stop_while_writing_in(
        dir.path(),
        &[
            "push",
            "--endpoint",
            &endpoint,
            "--store",
            "oxigraph",
            "--graph",
            "out/igfkg.nq",
        ],
        tmp.path(),
        "TERM",
        &[("TMPDIR", tmp.path())],
    );
    assert_eq!(status.code(), Some(128 + 15));
    assert_eq!(temporaries(tmp.path()), Vec::<PathBuf>::new());
    drop(silent);
}
