//! The most memory a command may use, for every command.
//!
//! A build holds its whole graph in memory (about 600 bytes a triple), so a
//! corpus within every size limit can still need more memory than the
//! machine has: a 50 MB one-line narrative at full evidence reached 24 GB,
//! and the kernel killed igfkg with SIGKILL, no message and its temporaries
//! left behind. Instead, a thread of its own reads the process's resident
//! memory ([`resident`], `VmRSS` of `/proc/self/status`) every
//! [`POLL`]; past the limit it removes the temporaries this process made,
//! as a signal does ([`igfkg::graph::temp::remove_live`]), says how much
//! was used and what to do, and ends the process with status 1
//! ([`super::exit::stopped_with`]). Outputs are
//! replaced by rename only once complete, so what is at an output path is
//! still a whole file of an earlier run, or nothing.
//!
//! The limit is `--max-memory` (`0`: none); by default 90 % of the memory
//! the system says is available as igfkg starts (`MemAvailable` of
//! `/proc/meminfo`, or less when the process's cgroup allows less). On a
//! system without `/proc` there is no watch.

use anyhow::Context;
use std::time::Duration;

/// How often resident memory is read: often enough that a build, which
/// grows by at most about a gigabyte a second, overshoots its limit by tens
/// of megabytes, and at a cost too small to measure (one read of a small
/// file of `/proc`).
const POLL: Duration = Duration::from_millis(20);

/// The share of the available memory a command may use by default: the
/// rest is the margin for the system and the other processes.
const DEFAULT_SHARE: f64 = 0.9;

/// The limit a command runs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The most resident memory, in bytes.
    pub bytes: u64,
    /// Whether it was given with `--max-memory` (or is igfkg's default).
    pub given: bool,
}

impl Limit {
    /// The limit of `--max-memory`: `Some(0)` for none, `None` for the
    /// default; `None` when there is no limit or no way to read memory here.
    pub fn resolve(flag: Option<u64>) -> Option<Limit> {
        match flag {
            Some(0) => None,
            Some(bytes) => Some(Limit { bytes, given: true }),
            None => {
                let meminfo = std::fs::read_to_string("/proc/meminfo").ok()?;
                let available = meminfo_bytes(&meminfo, "MemAvailable:")?;
                let available = cgroup_room().map_or(available, |room| room.min(available));
                let bytes = (available as f64 * DEFAULT_SHARE) as u64;
                Some(Limit {
                    bytes,
                    given: false,
                })
            }
        }
    }
}

/// Starts watching the process's memory for the rest of its life, when
/// there is a limit and the system says how much memory a process uses.
///
/// # Errors
/// If the system refuses the thread.
pub fn watch(limit: Option<Limit>, command: &'static str) -> anyhow::Result<()> {
    let Some(limit) = limit else {
        return Ok(());
    };
    if resident().is_none() {
        return Ok(());
    }
    std::thread::Builder::new()
        .name("memory".into())
        .spawn(move || {
            loop {
                if let Some(used) = resident().filter(|&used| used > limit.bytes) {
                    igfkg::graph::temp::remove_live();
                    past_limit(command, used, limit);
                }
                std::thread::sleep(POLL);
            }
        })
        .context("cannot start the thread that watches igfkg's memory")?;
    Ok(())
}

/// Ends the process that went past its memory limit, after its
/// temporaries were removed.
fn past_limit(command: &str, used: u64, limit: Limit) -> ! {
    let whose = if limit.given {
        "--max-memory".to_owned()
    } else {
        format!(
            "by default, {}% of the memory available as igfkg started",
            (DEFAULT_SHARE * 100.0).round()
        )
    };
    let what = match command {
        "build" => {
            "a build holds its whole graph in memory (about 600 bytes a triple): build with --evidence lean (about a third of the triples), or split the corpus into several builds"
        }
        _ => {
            "a command that reads a graph holds it in memory (about 600 bytes a triple), and a query its intermediate results too: read a graph built with --evidence lean, or narrow the query's patterns or add a LIMIT"
        }
    };
    super::exit::stopped_with(
        &format!(
            "{command} stopped: it used {} of memory, past the {} it may use ({whose}); its temporary files were removed",
            size(used),
            size(limit.bytes),
        ),
        &format!("{what}; or raise the limit with --max-memory SIZE (0: no limit)"),
    )
}

/// The process's resident memory in bytes, or `None` where the system does
/// not say.
pub fn resident() -> Option<u64> {
    meminfo_bytes(
        &std::fs::read_to_string("/proc/self/status").ok()?,
        "VmRSS:",
    )
}

/// The most resident memory the process has used so far, in bytes
/// (`VmHWM`), or `None` where the system does not say.
pub fn peak() -> Option<u64> {
    meminfo_bytes(
        &std::fs::read_to_string("/proc/self/status").ok()?,
        "VmHWM:",
    )
}

/// How much more the process's cgroup lets it use, when it is limited:
/// cgroup v2 (`memory.max` less `memory.current`) or v1
/// (`memory.limit_in_bytes` less `memory.usage_in_bytes`).
fn cgroup_room() -> Option<u64> {
    let read =
        |path: &str| -> Option<u64> { std::fs::read_to_string(path).ok()?.trim().parse().ok() };
    [
        ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"),
        (
            "/sys/fs/cgroup/memory/memory.limit_in_bytes",
            "/sys/fs/cgroup/memory/memory.usage_in_bytes",
        ),
    ]
    .into_iter()
    .find_map(|(max, current)| Some(read(max)?.saturating_sub(read(current)?)))
}

/// The value of a `Key:   N kB` line of `/proc/meminfo` or
/// `/proc/self/status`, in bytes.
fn meminfo_bytes(text: &str, key: &str) -> Option<u64> {
    let rest = text.lines().find_map(|line| line.strip_prefix(key))?;
    let kib: u64 = rest.trim().strip_suffix("kB")?.trim().parse().ok()?;
    kib.checked_mul(1024)
}

/// A size as people read it: MiB below a GiB, GiB with two decimals above.
pub fn size(bytes: u64) -> String {
    const MIB: f64 = (1u64 << 20) as f64;
    const GIB: f64 = (1u64 << 30) as f64;
    let b = bytes as f64;
    if b >= GIB {
        format!("{:.2} GiB", b / GIB)
    } else {
        format!("{:.0} MiB", b / MIB)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kib_lines_of_proc_are_read_as_bytes() {
        // The layout of /proc/self/status and /proc/meminfo (proc(5)).
        let status = "Name:\tigfkg\nVmPeak:\t  123456 kB\nVmRSS:\t   76388 kB\nThreads:\t3\n";
        assert_eq!(meminfo_bytes(status, "VmRSS:"), Some(76388 * 1024));
        let meminfo =
            "MemTotal:       24683772 kB\nMemFree:        1000 kB\nMemAvailable:   24110940 kB\n";
        assert_eq!(
            meminfo_bytes(meminfo, "MemAvailable:"),
            Some(24110940 * 1024)
        );
        assert_eq!(meminfo_bytes(meminfo, "SwapTotal:"), None);
        assert_eq!(meminfo_bytes("VmRSS: lots\n", "VmRSS:"), None);
    }

    #[test]
    fn zero_is_no_limit_and_a_size_is_kept_as_given() {
        assert_eq!(Limit::resolve(Some(0)), None);
        assert_eq!(
            Limit::resolve(Some(1 << 30)),
            Some(Limit {
                bytes: 1 << 30,
                given: true
            })
        );
        if let Some(default) = Limit::resolve(None) {
            assert!(!default.given);
            assert!(default.bytes > resident().unwrap_or(0), "{default:?}");
        }
    }

    #[test]
    fn sizes_read_as_people_read_them() {
        assert_eq!(size(40 << 20), "40 MiB");
        assert_eq!(size(21_990_232_555), "20.48 GiB");
    }
}
