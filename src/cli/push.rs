//! `igfkg push`: the graph's named graphs into a triple store over the
//! SPARQL 1.1 Graph Store Protocol (or SPARQL Update), with a progress bar
//! by bytes and a summary.

use super::args::PushArgs;
use super::render::{TableOptions, write_table};
use anyhow::{Context, bail};
use igfkg::publish::files;
use igfkg::push::{Credentials, Event, GraphPrefix, Method, Prepared, Pusher, Secret};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

/// The environment variable of the user name.
const USER_VARIABLE: &str = "IGFKG_PUSH_USER";
/// The environment variable of the password.
const PASSWORD_VARIABLE: &str = "IGFKG_PUSH_PASSWORD";
/// The environment variable of the bearer token.
const TOKEN_VARIABLE: &str = "IGFKG_PUSH_TOKEN";

/// What to push where, checked.
pub struct Options {
    input: PathBuf,
    pusher: Pusher,
    prefix: Option<GraphPrefix>,
    dry_run: bool,
    quiet: bool,
}

impl Options {
    /// Checks the endpoints, reads the credentials and picks the input,
    /// before anything is read or sent.
    pub fn from_args(args: PushArgs) -> anyhow::Result<Self> {
        let input = match &args.release {
            Some(dir) => dir.join(files::CANONICAL),
            None => args.graph.clone(),
        };
        let prefix = match &args.graph_prefix {
            None => None,
            Some(to) => {
                let base = super::record::base_for(
                    args.base.clone(),
                    super::record::recorded(&input)?.as_ref(),
                )?;
                if !to.ends_with(['/', '#']) {
                    bail!("--graph-prefix {to:?} must end in '/' or '#', as a namespace does");
                }
                Some(GraphPrefix {
                    from: base.graph_namespace(),
                    to: to.clone(),
                })
            }
        };
        let credentials = credentials(&args)?;
        let mut pusher = Pusher::new(args.store, &args.endpoint)?
            .with_method(match args.method.as_str() {
                "update" => Method::Update,
                _ => Method::GraphStore,
            })
            .with_credentials(credentials)
            .with_timeout(Duration::from_secs(args.timeout))
            .with_retries(args.retries, Duration::from_millis(500))
            .with_chunk_triples(args.chunk_triples)
            .with_verify(!args.no_verify);
        if let Some(url) = &args.graph_store_endpoint {
            pusher = pusher.with_graph_store_endpoint(url)?;
        }
        if let Some(url) = &args.query_endpoint {
            pusher = pusher.with_query_endpoint(url)?;
        }
        if let Some(url) = &args.update_endpoint {
            pusher = pusher.with_update_endpoint(url)?;
        }
        Ok(Self {
            input,
            pusher,
            prefix,
            dry_run: args.dry_run,
            quiet: args.quiet,
        })
    }
}

/// The credentials the arguments and the environment give, if any. The
/// secret itself only ever comes from the environment or a file, never
/// from the command line, which other users of the machine can read.
fn credentials(args: &PushArgs) -> anyhow::Result<Option<Credentials>> {
    let token_given = args.token_file.is_some() || std::env::var_os(TOKEN_VARIABLE).is_some();
    let user = args
        .user
        .clone()
        .or_else(|| std::env::var(USER_VARIABLE).ok().filter(|u| !u.is_empty()));
    let scheme = match args.auth.as_deref() {
        Some(scheme) => scheme,
        None if token_given => "bearer",
        None if user.is_some() && args.store.digest_by_default() => "digest",
        None if user.is_some() => "basic",
        None => "none",
    };
    let password = || -> anyhow::Result<Secret> {
        Ok(match &args.password_file {
            Some(path) => Secret::from_file(path)?,
            None => Secret::from_env(PASSWORD_VARIABLE)?,
        })
    };
    let user = || {
        user.clone().with_context(|| {
            format!("--auth {scheme} needs a user: give --user NAME or set {USER_VARIABLE}")
        })
    };
    Ok(match scheme {
        "none" => None,
        "bearer" => Some(Credentials::Bearer(match &args.token_file {
            Some(path) => Secret::from_file(path)?,
            None => Secret::from_env(TOKEN_VARIABLE)?,
        })),
        "digest" => Some(Credentials::Digest {
            user: user()?,
            password: password()?,
        }),
        _ => Some(Credentials::Basic {
            user: user()?,
            password: password()?,
        }),
    })
}

/// Splits the dataset, then lists (`--dry-run`) or sends its graphs.
pub fn run(options: Options) -> anyhow::Result<()> {
    let spinner = super::io::spinner(format!("splitting {} into graphs", options.input.display()));
    let prepared = Prepared::split(&options.input, options.prefix.as_ref());
    spinner.finish_and_clear();
    let prepared = prepared?;
    let pusher = &options.pusher;
    let mut out = std::io::stdout().lock();
    if options.dry_run {
        let mut rows = Vec::new();
        for graph in prepared.graphs() {
            let (method, url) = pusher.request_for(graph)?;
            rows.push(vec![
                graph.target.as_str().to_owned(),
                graph.triples.to_string(),
                graph.bytes.to_string(),
                format!("{method} {url}"),
            ]);
        }
        writeln!(
            out,
            "Would push {} graphs ({} triples, {} bytes) from {} to the {} store:",
            prepared.graphs().len(),
            prepared.triples(),
            prepared.bytes(),
            options.input.display(),
            pusher.store()
        )?;
        write_table(
            &mut out,
            &["graph", "triples", "bytes", "request"].map(String::from),
            &rows,
            TableOptions::default(),
        )?;
        if let Some(query) = &pusher.endpoints().query {
            writeln!(out, "then check each graph's count with {query}")?;
        }
        return Ok(());
    }
    let bar = if options.quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(prepared.bytes()).with_style(
            ProgressStyle::with_template(
                "{msg:40!} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} ({eta})",
            )
            .expect("the template is valid")
            .progress_chars("=> "),
        )
    };
    let result = pusher.push(&prepared, |event| match event {
        Event::Graph {
            graph,
            index,
            count,
        } => bar.set_message(format!("{index}/{count} {}", graph.target)),
        Event::Sent(bytes) => bar.inc(bytes),
        Event::Retry {
            url,
            attempt,
            delay,
            reason,
            unsent,
        } => {
            bar.set_position(bar.position().saturating_sub(unsent));
            bar.println(format!(
                "igfkg: attempt {attempt} of {url} failed ({reason}); retrying in {:.1} s",
                delay.as_secs_f64()
            ));
        }
        Event::Verify => bar.set_message("checking each graph's count in the store"),
        _ => {}
    });
    bar.finish_and_clear();
    let summary = result?;
    if options.quiet {
        return Ok(());
    }
    let seconds = summary.elapsed.as_secs_f64();
    writeln!(
        out,
        "Pushed {} graphs, {} triples, {} bytes to the {} store at {} in {:.1} s ({:.0} triples/s{})",
        summary.graphs,
        summary.triples,
        summary.bytes,
        pusher.store(),
        pusher.endpoints().graph_store,
        seconds,
        summary.triples as f64 / seconds.max(1e-9),
        match summary.retries {
            0 => String::new(),
            n => format!(", {n} requests retried"),
        }
    )?;
    if summary.verified {
        let query = pusher.endpoints().query.as_deref().unwrap_or("");
        writeln!(
            out,
            "Every graph's count in the store equals igfkg's ({query})"
        )?;
    }
    Ok(())
}
