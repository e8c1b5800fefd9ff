#!/usr/bin/env python3
"""Independent checks of an igfkg release, run by .ci/run.

Tools that no one in the project wrote must agree with igfkg:

- Python's rdflib parses every RDF file of the release, with the same
  triple count as igfkg's;
- Raptor's rapper parses the Turtle, N-Triples and RDF/XML, and serd's
  serdi the Turtle and N-Triples, with the same count;
- pySHACL validates the Turtle against the shapes and agrees with
  `igfkg validate`, on the release and on the deliberately broken graph of
  tests/data/broken.ttl (same focus nodes);
- every question of the query catalogue gives the same answer on rdflib's
  SPARQL engine as on Oxigraph (as multisets where the query has no
  ORDER BY).

Usage: check_release.py IGFKG_BINARY RELEASE_DIR REPOSITORY
"""

import json
import re
import subprocess
import sys
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyshacl
import rdflib

FAILURES = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        FAILURES.append(what)


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, check=False)


def rdflib_counts(release):
    files = {
        "igfkg.ttl": ("turtle", False),
        "igfkg.nt": ("nt", False),
        "igfkg.rdf": ("xml", False),
        "igfkg.jsonld": ("json-ld", True),
        "igfkg.canonical.nq": ("nquads", True),
        "ontology.ttl": ("turtle", False),
        "shapes.ttl": ("turtle", False),
        "void.ttl": ("turtle", False),
    }
    counts = {}
    for name, (fmt, dataset) in files.items():
        try:
            if dataset:
                d = rdflib.Dataset()
                d.parse(release / name, format=fmt)
                # The union of the named graphs, as a set of triples.
                counts[name] = len({(s, p, o) for s, p, o, _ in d.quads()})
            else:
                g = rdflib.Graph()
                g.parse(release / name, format=fmt)
                counts[name] = len(g)
            check(counts[name] > 0, f"rdflib parses {name} ({counts[name]} triples)")
        except Exception as error:  # noqa: BLE001 - any parser failure is a failed check
            check(False, f"rdflib parses {name}: {error}")
    json.loads((release / "igfkg.context.jsonld").read_text())
    return counts


def raptor_count(path, syntax):
    result = run("rapper", "-i", syntax, "-c", str(path))
    match = re.search(r"returned (\d+) triples", result.stderr)
    return int(match.group(1)) if result.returncode == 0 and match else None


def serdi_count(path, syntax):
    result = run("serdi", "-i", syntax, "-o", "ntriples", str(path))
    return len(result.stdout.splitlines()) if result.returncode == 0 else None


def pyshacl_focus_nodes(data_path, shapes_path):
    data = rdflib.Graph().parse(data_path)
    shapes = rdflib.Graph().parse(shapes_path)
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    return conforms, {str(o) for o in report.objects(None, sh.focusNode)}


def igfkg_focus_nodes(igfkg, data_path):
    result = run(igfkg, "validate", "--graph", str(data_path), "--format", "json")
    report = json.loads(result.stdout)
    return result.returncode == 0, {v["focus"] for v in report}


def normalise(kind, value, datatype=None, lang=None):
    """A comparable form of an RDF term, numbers compared by value."""
    if kind == "literal" and datatype and datatype.startswith("http://www.w3.org/2001/XMLSchema#") and datatype.split("#")[1] in (
        "integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger"
    ):
        try:
            return ("number", str(round(Decimal(value), 6).normalize()))
        except InvalidOperation:
            pass
    return (kind, value, lang or "")


def rdflib_rows(graph, sparql, bindings):
    result = graph.query(sparql, initBindings=bindings)
    variables = [str(v) for v in result.vars]
    rows = []
    for row in result:
        values = []
        for term in row:
            if term is None:
                values.append(None)
            elif isinstance(term, rdflib.Literal):
                values.append(normalise("literal", str(term), str(term.datatype) if term.datatype else None, term.language))
            else:
                values.append(normalise("uri", str(term)))
        rows.append(tuple(values))
    return variables, rows


def igfkg_rows(igfkg, graph_path, name, params):
    args = [igfkg, "query", "--graph", str(graph_path), "--named", name, "--format", "json"]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    result = run(*args)
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    document = json.loads(result.stdout)
    variables = document["head"]["vars"]
    rows = []
    for binding in document["results"]["bindings"]:
        values = []
        for variable in variables:
            term = binding.get(variable)
            if term is None:
                values.append(None)
            elif term["type"] == "literal":
                values.append(normalise("literal", term["value"], term.get("datatype"), term.get("xml:lang")))
            else:
                values.append(normalise(term["type"], term["value"]))
        rows.append(tuple(values))
    return variables, rows


def catalogue(igfkg, release, repo):
    graph = rdflib.Graph().parse(release / "igfkg.ttl")
    def message(year, words):
        return next(
            str(row[0])
            for row in graph.query(
                "PREFIX igf: <https://w3id.org/igfkg/ontology#> "
                f"SELECT ?m WHERE {{ ?m igf:year {year} ; igf:text ?t FILTER(STRSTARTS(STR(?t), '{words}')) }}"
            )
        )

    # The 2019 message on encryption echoes earlier ones; the 2017 one is echoed.
    later = message(2019, "Balance between security, encryption")
    earlier = message(2017, "Encryption helps promote public security")
    values = {
        "topic": ("encryption", rdflib.URIRef("https://w3id.org/igfkg/id/topic/encryption")),
        "goal": ("9", rdflib.URIRef("http://metadata.un.org/sdg/9")),
        "message": (later, rdflib.URIRef(later)),
        "document": ("igf2017-messages", rdflib.URIRef("https://w3id.org/igfkg/id/document/igf2017-messages")),
        "text": ("encryption", rdflib.Literal("encryption")),
    }
    for path in sorted((repo / "crates/query/queries").glob("*.rq")):
        sparql = path.read_text()
        name = re.search(r"^# name: (\S+)", sparql, re.M).group(1)
        params = re.findall(r"^# param: (\S+) (\S+)", sparql, re.M)
        chosen = dict(values)
        if name == "echoed-by":
            chosen["message"] = (earlier, rdflib.URIRef(earlier))
        cli = {param: chosen[kind][0] for param, kind in params}
        bindings = {param: chosen[kind][1] for param, kind in params}
        try:
            ours_vars, ours = igfkg_rows(igfkg, release / "igfkg.ttl", name, cli)
            theirs_vars, theirs = rdflib_rows(graph, sparql, bindings)
        except Exception as error:  # noqa: BLE001
            check(False, f"catalogue {name}: {error}")
            continue
        ordered = re.search(r"^ORDER BY", sparql, re.M) is not None
        same = ours_vars == theirs_vars and (ours == theirs if ordered else Counter(ours) == Counter(theirs))
        detail = f"{len(ours)} rows, {'in order' if ordered else 'as multisets'}"
        if not same:
            missing = Counter(ours) - Counter(theirs)
            extra = Counter(theirs) - Counter(ours)
            detail += f"; only in igfkg: {list(missing)[:3]}; only in rdflib: {list(extra)[:3]}"
        # A question the bundled corpus answers with no row is compared all
        # the same, and named here with the Rust test that says why.
        expected_empty = name in EXPECTED_EMPTY
        check(same and (len(ours) > 0) != expected_empty,
              f"catalogue {name}: rdflib agrees with Oxigraph ({detail})")


# Questions whose answer on the bundled corpus is empty, by reading.
EXPECTED_EMPTY = {
    # "over 99 countries" and "143 countries", "over 70 workshops" and "71
    # workshops" can all be true (tests/crossyear.rs,
    # consistent_figures_are_not_disagreements).
    "disagreeing-facts",
}


def main():
    igfkg, release, repo = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    counts = rdflib_counts(release)
    expected = counts.get("igfkg.nt")
    for name in ("igfkg.ttl", "igfkg.rdf", "igfkg.jsonld", "igfkg.canonical.nq"):
        check(counts.get(name) == expected, f"rdflib: {name} has the {expected} triples of igfkg.nt")
    for name, syntax in (("igfkg.ttl", "turtle"), ("igfkg.nt", "ntriples"), ("igfkg.rdf", "rdfxml")):
        n = raptor_count(release / name, syntax)
        check(n == expected, f"rapper parses {name}: {n} triples")
    for name, syntax in (("igfkg.ttl", "turtle"), ("igfkg.nt", "ntriples")):
        n = serdi_count(release / name, syntax)
        check(n == expected, f"serdi accepts {name}: {n} triples")

    shapes = release / "shapes.ttl"
    for data, should_conform in ((release / "igfkg.ttl", True), (repo / "tests/data/broken.ttl", False)):
        py_conforms, py_focus = pyshacl_focus_nodes(data, shapes)
        our_conforms, our_focus = igfkg_focus_nodes(igfkg, data)
        check(py_conforms == should_conform and our_conforms == should_conform, f"pySHACL and igfkg validate: {data.name} conforms = {should_conform}")
        check(py_focus == our_focus, f"pySHACL and igfkg validate report the same {len(our_focus)} focus nodes on {data.name}")

    catalogue(igfkg, release, repo)
    if FAILURES:
        print(f"\n{len(FAILURES)} checks failed")
        sys.exit(1)
    print("\nall independent checks passed")


if __name__ == "__main__":
    main()
