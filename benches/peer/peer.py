#!/usr/bin/env python3
"""The rdflib peer of igfkg's scale benchmark.

Written the way a Python user would: it reads the documents of a synthetic
corpus (the manifest and the three structured formats igfkg gen writes),
builds the core triples igfkg builds for them — each document, meeting,
session or theme, and message with its text, year, meeting, session or
theme and source document — in an rdflib Graph, and writes Turtle. It does
no entity linking and no cross-year relations, which igfkg does on top, so
the comparison is generous to the peer.

Usage: peer.py DATA_DIR OUT.ttl
"""

import re
import sys
import tomllib
import uuid
from pathlib import Path

from rdflib import Graph, Literal, Namespace, RDF, RDFS, URIRef
from rdflib.namespace import PROV, XSD

IGF = Namespace("https://w3id.org/igfkg/ontology#")
ID = "https://w3id.org/igfkg/id/"
NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://w3id.org/igfkg/ontology#")


def node(kind, *key):
    return URIRef(f"{ID}{kind}/{uuid.uuid5(NS, chr(31).join((kind,) + key))}")


def add_message(g, doc_id, doc, meeting, year, position, text, parent_property, parent):
    m = node("message", doc_id, str(position))
    g.add((m, RDF.type, IGF.Message))
    g.add((m, IGF.text, Literal(text, lang="en")))
    g.add((m, IGF.year, Literal(year, datatype=XSD.integer)))
    g.add((m, IGF.meeting, meeting))
    g.add((m, IGF.position, Literal(position, datatype=XSD.integer)))
    g.add((m, parent_property, parent))
    g.add((m, PROV.wasDerivedFrom, doc))


def unit(g, kind, cls, doc_id, title, year, meeting, doc):
    u = node(kind, doc_id, title.lower())
    g.add((u, RDF.type, cls))
    g.add((u, RDFS.label, Literal(title, lang="en")))
    g.add((u, IGF.year, Literal(year, datatype=XSD.integer)))
    g.add((u, IGF.meeting, meeting))
    g.add((u, PROV.wasDerivedFrom, doc))
    return u


def main(data_dir, out):
    manifest = tomllib.loads((data_dir / "corpus.toml").read_text())
    g = Graph()
    g.bind("igf", IGF)
    for entry in manifest["document"]:
        doc_id, year = entry["id"], entry["meeting"]
        doc = URIRef(f"{ID}document/{doc_id}")
        meeting = URIRef(f"{ID}meeting/{year}")
        g.add((doc, RDF.type, IGF.SourceDocument))
        g.add((doc, RDFS.label, Literal(entry["title"], lang="en")))
        text = (data_dir / entry["path"]).read_text(encoding="utf-8")
        position = 0
        current = None
        if entry["format"] == "messages-by-session":
            for line in text.splitlines():
                heading = re.match(r"^(Main session|High level thematic session)\s*[:‘]\s*(.*?)’?$", line)
                if heading:
                    current = unit(g, "session", IGF.Session, doc_id, heading.group(2), year, meeting, doc)
                elif line.startswith("  • ") and current is not None:
                    position += 1
                    add_message(g, doc_id, doc, meeting, year, position, line[4:].strip(), IGF.session, current)
        elif entry["format"] == "messages-by-theme":
            in_themes = False
            for block in text.split("\n\n"):
                block = block.strip()
                if block.startswith("## IGF") and "THEMES" in block:
                    in_themes = True
                elif in_themes and block.startswith("### "):
                    current = unit(g, "theme", IGF.Theme, doc_id, block[4:].strip().capitalize(), year, meeting, doc)
                elif in_themes and current is not None and block and not block.startswith("#") and block != "---":
                    position += 1
                    add_message(g, doc_id, doc, meeting, year, position, block.replace("**", ""), IGF.theme, current)
        else:
            lines = text.splitlines()
            for i, line in enumerate(lines):
                if line.startswith("Updated:"):
                    current = unit(g, "session", IGF.Session, doc_id, lines[i - 3].strip(), year, meeting, doc)
                    field = 0
                elif re.match(r"^[1-8]\. ", line):
                    field = int(line[0])
                elif current is not None and line.strip() and field not in (0, 6):
                    stripped = line.strip()
                    if stripped.endswith(":") or re.match(r"^• .*?: \w+ \w+\. ", stripped):
                        continue
                    position += 1
                    add_message(g, doc_id, doc, meeting, year, position, stripped.lstrip("• "), IGF.session, current)
    g.serialize(destination=str(out), format="turtle")
    print(f"{len(g)} triples", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
