//! Loopback helpers shared by the tests and the benchmarks that talk to a
//! server (`tests/serve.rs`, `tests/push.rs`, `benches/serve.rs`,
//! `benches/push.rs`; the benchmarks include this file by path).

#![allow(dead_code)] // each including crate uses a part

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A free loopback address (the listener is closed before the server binds it).
pub fn free_addr() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
}

/// A free loopback port.
pub fn free_port() -> u16 {
    free_addr().port()
}

/// Waits until something listens on the loopback `port`; panics, naming
/// `what`, after 60 s.
pub fn wait_for_port(port: u16, what: &str) {
    wait_for_port_within(port, what, Duration::from_secs(60));
}

/// Waits until something listens on the loopback `port`; panics, naming
/// `what`, after `limit` (a server that loads a large graph first).
pub fn wait_for_port_within(port: u16, what: &str, limit: Duration) {
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < limit,
            "{what} does not listen on 127.0.0.1:{port} after {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Starts `oxigraph serve` (the binary `oxigraph`) on a store in `location`
/// at the loopback `port`, and waits until it listens.
pub fn oxigraph_serve(oxigraph: &str, location: &Path, port: u16, args: &[&str]) -> Child {
    let child = Command::new(oxigraph)
        .args(["serve", "--location"])
        .arg(location)
        .args(["--bind", &format!("127.0.0.1:{port}")])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{oxigraph} serve: {e} (pip install oxigraph)"));
    wait_for_port(port, "oxigraph serve");
    child
}

/// `text` percent-encoded for a query string or a form body.
pub fn url_encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// Loads `file` into a new store in `location` with `oxigraph load`; false
/// when the binary is missing or fails.
pub fn oxigraph_load(oxigraph: &str, location: &Path, file: &Path) -> bool {
    Command::new(oxigraph)
        .args(["load", "--location"])
        .arg(location)
        .arg("--file")
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
