#!/usr/bin/env python3
"""Checks a release's igfkg.jsonld with two independent JSON-LD processors.

rdflib and pyld each expand the compacted document (its context is the
file igfkg.context.jsonld beside it) to RDF; both must give the graph of
the release's canonical N-Quads. Run by .ci/run:

    python3 tests/external/check_jsonld.py out/release
"""
import json
import pathlib
import sys

import rdflib
from pyld import jsonld


def quads(dataset):
    """The quads of a dataset (igfkg's graph has no blank nodes, so sets compare)."""
    return {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in dataset.quads()}


def main(release: pathlib.Path) -> None:
    document_path = release / "igfkg.jsonld"
    context_path = release / "igfkg.context.jsonld"
    document = json.loads(document_path.read_text(encoding="utf-8"))
    assert document["@context"] == "igfkg.context.jsonld", document["@context"]
    expected = rdflib.Dataset()
    expected.parse(release / "igfkg.canonical.nq", format="nquads")
    expected = quads(expected)

    def loader(url, options=None):
        # The one remote document is the context beside the document.
        if not url.endswith("igfkg.context.jsonld"):
            raise ValueError(f"unexpected context {url}")
        return {"contextUrl": None, "documentUrl": url,
                "document": json.loads(context_path.read_text(encoding="utf-8"))}

    base = document_path.resolve().as_uri()
    nquads = jsonld.to_rdf(document, {"base": base, "format": "application/n-quads",
                                      "documentLoader": loader})
    by_pyld = rdflib.Dataset()
    by_pyld.parse(data=nquads, format="nquads")
    by_rdflib = rdflib.Dataset()
    by_rdflib.parse(document_path, format="json-ld")
    for name, parsed in [("pyld", by_pyld), ("rdflib", by_rdflib)]:
        got = quads(parsed)
        count = len(got)
        assert got == expected, f"{name}: JSON-LD expands to another graph ({count} quads)"
        print(f"check_jsonld: {name} expands igfkg.jsonld to the release's graph ({count} quads)")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
