#!/usr/bin/env python3
"""Crash trials (issue 17 item 9): `igfkg build`, `release` and `export`
killed with SIGKILL at random points, again and again on the same folders.

After every kill, what is at each output path must be complete: a file
whose bytes are those of one of the two runs it could come from, a release
folder all of one release (its marker, its SHA-256 file matching its
canonical N-Quads), and a build folder whose Turtle and N-Quads either
belong to the build record beside them or are refused by `igfkg stats` as
not belonging to it, never silently paired. Then the same command, run
again, must succeed and leave no temporary file anywhere in the trial's
folder.

Two corpora (two seeds of `igfkg gen`) are built in turn, so that the
outputs of one run differ from the previous run's and a mixed state would
show. The kill points are random but seeded: the same seed replays the
same trials.

Usage: crash_trials.py IGFKG REPO [--kills N] [--messages N] [--seed S]
"""

import argparse
import hashlib
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The temporaries igfkg writes (src/output.rs and the release staging),
# and the names of before the process id was in them.
TEMPORARY = re.compile(r"^\.igfkg-(tmp-.*|.*\.tmp|release-(?!old-).+)$")


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(igfkg, *args, cwd):
    return subprocess.run([igfkg, *args], cwd=cwd, capture_output=True, text=True)


def must(result, what):
    if result.returncode != 0:
        sys.exit(f"{what} failed ({result.returncode}): {result.stderr.strip()}")
    return result


def temporaries(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if TEMPORARY.match(p.name))


def release_state(folder):
    """The files of a release folder by name and hash."""
    return {p.name: sha(p) for p in sorted(folder.iterdir()) if p.is_file()}


class Trials:
    def __init__(self, igfkg, repo, root, messages, seed):
        self.igfkg = igfkg
        self.root = root
        self.random = random.Random(seed)
        self.failures = []
        self.rows = []
        reference = str(repo / "data" / "reference")
        # Two corpora, A and B, each built, released and exported once to
        # know the bytes a complete run writes.
        self.expected = {}
        self.took = {}
        for name, corpus_seed in (("A", 2006), ("B", 2019)):
            data = root / f"data-{name}"
            must(run(igfkg, "gen", "--messages", str(messages), "--years", "4", "--sessions", "12",
                     "--seed", str(corpus_seed), "--reference", reference, str(data), cwd=root), "gen")
            out = root / f"baseline-{name}"
            start = time.monotonic()
            must(run(igfkg, "build", "--quiet", "--evidence", "lean", "--data", str(data), "--out", str(out), cwd=root), "build")
            self.took["build"] = time.monotonic() - start
            graph = root / f"graph-{name}.nq"
            shutil.copyfile(out / "igfkg.nq", graph)
            start = time.monotonic()
            must(run(igfkg, "release", str(root / f"release-{name}"), "--graph", str(graph), cwd=root), "release")
            self.took["release"] = time.monotonic() - start
            start = time.monotonic()
            must(run(igfkg, "export", "--graph", str(graph), "-o", str(root / f"export-{name}.ttl"), cwd=root), "export")
            self.took["export"] = time.monotonic() - start
            self.expected[name] = {
                "igfkg.ttl": sha(out / "igfkg.ttl"),
                "igfkg.nq": sha(out / "igfkg.nq"),
                "release": release_state(root / f"release-{name}"),
                "export": sha(root / f"export-{name}.ttl"),
            }
        if self.expected["A"]["igfkg.nq"] == self.expected["B"]["igfkg.nq"]:
            sys.exit("the two corpora built the same graph: the trials could not tell their runs apart")
        (root / "exports").mkdir()

    def command(self, kind, corpus):
        root = self.root
        if kind == "build":
            return ["build", "--quiet", "--evidence", "lean", "--data", str(root / f"data-{corpus}"), "--out", str(root / "out")]
        if kind == "release":
            return ["release", str(root / "rel"), "--graph", str(root / f"graph-{corpus}.nq"), "--force"]
        return ["export", "--graph", str(root / f"graph-{corpus}.nq"), "-o", str(root / "exports" / "x.ttl")]

    def fail(self, trial, message):
        self.failures.append(f"trial {trial}: {message}")

    def check(self, trial, kind):
        """What a kill left must be complete. Returns what was found."""
        root = self.root
        names = {"A", "B"}
        if kind == "build":
            out = root / "out"
            found = []
            for name in ("igfkg.ttl", "igfkg.nq"):
                path = out / name
                if path.exists():
                    of = [c for c in names if sha(path) == self.expected[c][name]]
                    if not of:
                        self.fail(trial, f"out/{name} is not the complete output of either build")
                    found.append(f"{name.split('.')[1]}={''.join(of) or '?'}")
            if (out / "igfkg.nq").exists():
                stats = run(self.igfkg, "stats", "--graph", str(out / "igfkg.nq"), cwd=root)
                if stats.returncode == 0:
                    # Accepted: then the record vouches for both dumps, so
                    # they must be of one build.
                    if len({f.split("=")[1] for f in found}) != 1:
                        self.fail(trial, f"stats accepted a mixed build folder: {found}")
                    found.append("accepted")
                elif "does not belong to the build recorded" in stats.stderr:
                    found.append("refused as not of its record")
                else:
                    self.fail(trial, f"stats failed otherwise: {stats.stderr.strip()}")
            return " ".join(found) or "nothing yet"
        if kind == "release":
            rel = root / "rel"
            if not rel.exists():
                return "no release yet"
            state = release_state(rel)
            of = [c for c in names if state == self.expected[c]["release"]]
            if not of:
                self.fail(trial, f"rel is not one complete release: {sorted(state)}")
            marker = rel / ".igfkg-release"
            if not marker.is_file():
                self.fail(trial, "rel has no .igfkg-release marker")
            return f"release {''.join(of) or '?'}"
        path = root / "exports" / "x.ttl"
        if not path.exists():
            return "no export yet"
        of = [c for c in names if sha(path) == self.expected[c]["export"]]
        if not of:
            self.fail(trial, "exports/x.ttl is not a complete export")
        return f"export {''.join(of) or '?'}"

    def trial(self, number, kind, corpus):
        # Half the kills anywhere, half in the last part of a run, where
        # the outputs are written and renamed into place.
        took = self.took[kind]
        if self.random.random() < 0.5:
            delay = self.random.uniform(0.0, took * 0.95)
        else:
            delay = self.random.uniform(took * 0.5, took * 0.95)
        process = subprocess.Popen([self.igfkg, *self.command(kind, corpus)], cwd=self.root,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        killed = process.poll() is None
        if killed:
            process.send_signal(signal.SIGKILL)
        process.wait()
        left = temporaries(self.root)
        found = self.check(number, kind)
        # The same command again, to its end: it must succeed, write what
        # a complete run writes, and leave no temporary behind (its own,
        # or those of the run the kill stopped).
        again = run(self.igfkg, *self.command(kind, corpus), cwd=self.root)
        if again.returncode != 0:
            self.fail(number, f"the run after the kill failed: {again.stderr.strip()}")
        after = self.check(number, kind)
        complete = {
            "build": f"ttl={corpus} nq={corpus} accepted",
            "release": f"release {corpus}",
            "export": f"export {corpus}",
        }[kind]
        if after != complete:
            self.fail(number, f"the run after the kill left {after!r}, not {complete!r}")
        remaining = temporaries(self.root)
        if remaining:
            self.fail(number, f"temporaries left after the next run: {remaining}")
        self.rows.append((number, kind, corpus, f"{delay:.2f}s", "killed" if killed else "had ended",
                          found, len(left), len(remaining)))
        return killed

    def report(self):
        print(f"{'#':>3} {'command':8} {'corpus':6} {'kill at':8} {'state':9}  what the kill left"
              f"  (temporaries after the kill / after the next run)")
        for number, kind, corpus, delay, state, found, left, remaining in self.rows:
            print(f"{number:>3} {kind:8} {corpus:6} {delay:>8} {state:9}  {found}  ({left} / {remaining})")
        killed = sum(1 for row in self.rows if row[4] == "killed")
        print(f"\n{len(self.rows)} trials, {killed} killed mid-run; full runs took "
              + ", ".join(f"{k} {v:.1f} s" for k, v in self.took.items()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("igfkg")
    parser.add_argument("repo", type=Path)
    parser.add_argument("--kills", type=int, default=24,
                        help="how many runs to kill mid-run (runs that end first are checked too)")
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    igfkg = str(Path(args.igfkg).resolve())
    with tempfile.TemporaryDirectory(prefix="igfkg-crash-") as scratch:
        trials = Trials(igfkg, args.repo.resolve(), Path(scratch), args.messages, args.seed)
        kinds = ("build", "release", "export")
        kills, number = 0, 0
        while kills < args.kills and number < 3 * args.kills:
            killed = trials.trial(number + 1, kinds[number % 3], "AB"[(number // 3) % 2])
            kills += killed
            number += 1
        trials.report()
        if kills < args.kills:
            trials.failures.append(f"only {kills} of {number} runs were killed mid-run")
    if trials.failures:
        print(f"\n{len(trials.failures)} failures:")
        for failure in trials.failures:
            print(f"  {failure}")
        sys.exit(1)
    print("every output complete and consistent after each kill; no temporary left")


if __name__ == "__main__":
    main()
