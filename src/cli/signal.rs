//! The one handler of SIGINT, SIGTERM and SIGHUP, for every command.
//!
//! A signal that stops igfkg first removes the temporaries this process
//! made ([`igfkg::graph::temp::remove_live`]: half-written exports, a
//! release's staging folder), so that a Ctrl-C leaves the output folder as
//! it was; the process then exits with 128 + the signal's number (130 for
//! SIGINT, 143 for SIGTERM), as a shell reports a process the signal
//! killed. A command that stops on a signal by design (`serve`) waits for
//! it with [`wait`] instead, and ends normally.

use anyhow::Context;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Mutex, PoisonError};

/// Where a signal goes when a command waits for one ([`wait`]).
static WAITER: Mutex<Option<Sender<i32>>> = Mutex::new(None);

/// Watches for the signals, on a thread of its own, for the rest of the
/// process.
///
/// # Errors
/// If the system refuses the handler or the thread.
pub fn install() -> anyhow::Result<()> {
    let mut signals =
        Signals::new([SIGINT, SIGTERM, SIGHUP]).context("cannot watch for SIGINT and SIGTERM")?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                let waiter = WAITER.lock().unwrap_or_else(PoisonError::into_inner);
                if waiter.as_ref().is_some_and(|w| w.send(signal).is_ok()) {
                    continue;
                }
                igfkg::graph::temp::remove_live();
                super::exit::stopped_by(signal);
            }
        })
        .context("cannot start the thread that watches for SIGINT and SIGTERM")?;
    Ok(())
}

/// Blocks until SIGINT, SIGTERM or SIGHUP arrives, which then does not stop
/// the process: for a command that runs until it is told to stop.
pub fn wait() {
    let (sender, receiver): (Sender<i32>, Receiver<i32>) = channel();
    *WAITER.lock().unwrap_or_else(PoisonError::into_inner) = Some(sender);
    let _ = receiver.recv();
}
