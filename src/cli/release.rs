//! `igfkg release`: a release folder for a linked-data portal.

use super::args::ReleaseArgs;
use super::io::{GraphSource, spinner};
use super::render::{TableOptions, write_table};
use anyhow::{Context, bail};
use igfkg::publish::ReleaseOptions;
use std::io::Write;
use std::path::PathBuf;

/// The release to write, its description checked.
pub struct Options {
    dir: PathBuf,
    graph: GraphSource,
    release: ReleaseOptions,
}

impl Options {
    /// Checks the download base and dates the release.
    pub fn from_args(args: ReleaseArgs) -> anyhow::Result<Self> {
        let graph = GraphSource::from_args(args.graph)?;
        let created = match args.created {
            Some(date) => checked_date(&date)?,
            None => today()?,
        };
        if !args.download_base.ends_with('/') {
            bail!("--download-base {:?} must end in '/'", args.download_base);
        }
        if let Some(host) = &args.host
            && !(host.starts_with("https://") || host.starts_with("http://"))
        {
            bail!(
                "--host {host:?} is not an http(s) URL; give the server's address, such as https://igfkg.example.org/"
            );
        }
        let release = ReleaseOptions {
            download_base: args.download_base,
            sparql_endpoint: args.sparql_endpoint,
            created,
            host: args.host,
            force: args.force,
            inputs: graph.inputs(),
            ..ReleaseOptions::default()
        };
        // Before the graph is loaded: a refused folder is said at once.
        igfkg::publish::check_release_target(&args.dir, &release)?;
        Ok(Self {
            dir: args.dir,
            graph,
            release,
        })
    }
}

/// A calendar date written YYYY-MM-DD, checked: `2026-13-99` is refused.
fn checked_date(text: &str) -> anyhow::Result<String> {
    let bad = || {
        anyhow::anyhow!("--created {text:?} is not a date written YYYY-MM-DD, such as 2026-11-24")
    };
    let mut parts = text.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let number = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse::<u16>().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (number(y), number(m), number(d)) else {
        return Err(bad());
    };
    let month = time::Month::try_from(u8::try_from(m).map_err(|_| bad())?).map_err(|_| bad())?;
    let day = u8::try_from(d).map_err(|_| bad())?;
    time::Date::from_calendar_date(i32::from(y), month, day)
        .map_err(|e| anyhow::anyhow!("--created {text:?} is not a date: {e}"))?;
    Ok(text.to_owned())
}

/// Today's date, or the date of SOURCE_DATE_EPOCH for reproducible releases.
fn today() -> anyhow::Result<String> {
    let now = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(epoch) => time::OffsetDateTime::from_unix_timestamp(
            epoch
                .trim()
                .parse()
                .context("SOURCE_DATE_EPOCH must be a number of seconds")?,
        )?,
        Err(_) => time::OffsetDateTime::now_utc(),
    };
    Ok(now.date().to_string())
}

/// Writes the release and lists its files.
pub fn run(options: Options) -> anyhow::Result<()> {
    let graph = options.graph.open()?;
    let bar = spinner(format!("writing the release {}", options.dir.display()));
    let result = igfkg::publish::write_release(&graph, &options.dir, &options.release);
    bar.finish_and_clear();
    let release = result?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Released {} triples into {}",
        release.triples,
        release.dir.display()
    )?;
    let rows: Vec<Vec<String>> = release
        .files
        .iter()
        .map(|(name, size)| vec![name.clone(), size.to_string()])
        .collect();
    write_table(
        &mut out,
        &["file".to_owned(), "bytes".to_owned()],
        &rows,
        TableOptions::default(),
    )?;
    writeln!(out, "canonical SHA-256: {}", release.canonical_sha256)?;
    Ok(())
}
