//! The manifest's paths stay inside the data folder, each file is one
//! document's, and each meeting is one the reference data lists: anything
//! else stops the build at the manifest's line and column, before a file
//! is read or an output written.

use crate::util::{assert_error, igfkg, workspace};
use std::path::Path;

/// Replaces the value of the `nth` line (from 0) of the manifest that
/// starts with `field = `, and returns where the new value is written
/// (line and column from 1, the column of its first character).
fn set_field(dir: &Path, field: &str, nth: usize, value: &str) -> (usize, usize) {
    let path = dir.join("data/corpus.toml");
    let manifest = std::fs::read_to_string(&path).unwrap();
    let prefix = format!("{field} = ");
    let mut lines: Vec<String> = manifest.lines().map(str::to_owned).collect();
    let index = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with(&prefix))
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap();
    lines[index] = format!("{prefix}{value}");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    (index + 1, prefix.len() + 1)
}

/// A build that must stop at `line:column` of the manifest, writing nothing.
fn refused(dir: &Path, (line, column): (usize, usize), fragments: &[&str]) {
    let output = igfkg(dir, &["build"]);
    let at = format!("data/corpus.toml:{line}:{column}: ");
    let mut expected = vec![at.as_str()];
    expected.extend_from_slice(fragments);
    assert_error(&output, &expected);
    assert!(!dir.join("out").exists(), "a refused build wrote out/");
}

#[test]
fn a_path_out_of_the_data_folder_is_refused_where_it_is_written() {
    for (path, why) in [
        ("/etc/passwd", "`path` \"/etc/passwd\" is absolute"),
        (
            "../../../../etc/passwd",
            "`path` \"../../../../etc/passwd\" climbs out of the manifest's folder",
        ),
    ] {
        let dir = workspace();
        let at = set_field(dir.path(), "path", 0, &format!("{path:?}"));
        refused(dir.path(), at, &["document \"igf2017-messages\": ", why]);
    }
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_data_folder_is_refused() {
    let dir = workspace();
    let outside = dir.path().join("outside.txt");
    std::fs::write(&outside, "Not a document of the corpus.\n").unwrap();
    std::os::unix::fs::symlink(&outside, dir.path().join("data/sources/link.txt")).unwrap();
    let at = set_field(dir.path(), "path", 0, "\"sources/link.txt\"");
    refused(
        dir.path(),
        at,
        &[
            "`path` \"sources/link.txt\" resolves to",
            "outside.txt, outside the manifest's folder",
            "through a symbolic link",
        ],
    );
}

#[test]
fn one_file_under_two_ids_is_refused() {
    let dir = workspace();
    let (first, _) = set_field(dir.path(), "path", 0, "\"sources/igf2017-messages.txt\"");
    // The same file, written another way.
    let at = set_field(
        dir.path(),
        "path",
        1,
        "\"./sources/../sources/igf2017-messages.txt\"",
    );
    refused(
        dir.path(),
        at,
        &[&format!(
            "document \"igf2018-paris-messages\": `path` \"./sources/../sources/igf2017-messages.txt\" is already the file of document \"igf2017-messages\" at line {first}"
        )],
    );
}

#[test]
fn a_meeting_missing_from_the_reference_data_is_refused() {
    let dir = workspace();
    let meetings =
        std::fs::read_to_string(dir.path().join("data/reference/meetings.toml")).unwrap();
    assert!(
        !meetings.contains("year = 2031"),
        "2031 is a meeting now; pick another year"
    );
    let at = set_field(dir.path(), "meeting", 0, "2031");
    refused(
        dir.path(),
        at,
        &[
            "document \"igf2017-messages\": `meeting` 2031 is not a meeting of data/reference/meetings.toml",
        ],
    );
}

#[test]
fn an_nri_without_a_name_is_refused_at_its_row() {
    // The African IGF's row of data/reference/nris.csv (its second line)
    // with the name left out: a node with an empty label, which `validate`
    // used to pass.
    let dir = workspace();
    let path = dir.path().join("data/reference/nris.csv");
    let registry = std::fs::read_to_string(&path).unwrap();
    let row = registry.lines().nth(1).unwrap();
    assert!(row.starts_with("african-igf,African IGF,"), "{row}");
    std::fs::write(
        &path,
        registry.replacen("african-igf,African IGF,", "african-igf,,", 1),
    )
    .unwrap();
    let output = igfkg(dir.path(), &["build"]);
    assert_error(
        &output,
        &["data/reference/nris.csv:2:1: NRI \"african-igf\": name is empty"],
    );
    assert!(
        !dir.path().join("out").exists(),
        "a refused build wrote out/"
    );
}
