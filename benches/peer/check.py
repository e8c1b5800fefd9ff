#!/usr/bin/env python3
"""Checks that the rdflib peer builds igfkg's triples.

Compares the triples of the peer's Turtle with those of igfkg's N-Quads
(every named graph merged, xsd:decimal literals compared by value), predicate by predicate, and prints what one has
and the other has not. Exits 1 when they differ.

Usage: check.py IGFKG.nq PEER.ttl
"""

import sys
from collections import Counter
from decimal import Decimal

from rdflib import Dataset, Graph, Literal
from rdflib.namespace import XSD


def canonical(triple):
    """The triple with an xsd:decimal object written in one form: rdflib's
    Turtle writes the decimal 1 as `1.0`, Oxigraph as "1"^^xsd:decimal; the
    same literal value."""
    s, p, o = triple
    if isinstance(o, Literal) and o.datatype == XSD.decimal:
        o = Literal(format(Decimal(str(o)).normalize(), "f"), datatype=XSD.decimal)
    return s, p, o


def main(igfkg_nquads, peer_turtle):
    dataset = Dataset()
    dataset.parse(igfkg_nquads, format="nquads")
    expected = {canonical((s, p, o)) for s, p, o, _ in dataset.quads((None, None, None, None))}
    peer = Graph()
    peer.parse(peer_turtle, format="turtle")
    actual = {canonical(triple) for triple in peer}
    missing, extra = expected - actual, actual - expected
    print(f"igfkg {len(expected)} triples, peer {len(actual)}; "
          f"{len(missing)} only in igfkg, {len(extra)} only in the peer")
    by_predicate = Counter(p for _, p, _ in missing), Counter(p for _, p, _ in extra)
    for predicate in sorted(set(by_predicate[0]) | set(by_predicate[1])):
        print(f"  {predicate}: {by_predicate[0][predicate]} only in igfkg, "
              f"{by_predicate[1][predicate]} only in the peer")
    for label, triples in (("only in igfkg", missing), ("only in the peer", extra)):
        for triple in sorted(triples)[:5]:
            print(f"  e.g. {label}: {' '.join(t.n3() for t in triple)}")
    return 1 if missing or extra else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
