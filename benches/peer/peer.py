#!/usr/bin/env python3
"""The rdflib peer of igfkg's scale benchmark.

Written the way a Python user would: it reads a synthetic corpus (the
manifest, the reference data and the three structured formats igfkg gen
writes), and builds in an rdflib Graph the triples `igfkg build --evidence
lean` builds for it: the reference data; each document with its sessions,
themes, messages, statements, report fields, people, roles and
participation figures, every one with its source span; the links to SDGs,
NRIs, organisations, topics and addressed stakeholder groups, with their
roll-ups to sessions and themes; and the echoes and alignments across
years. Then it writes Turtle. benches/peer/check.py proves the triples are
igfkg's.

Usage: peer.py DATA_DIR OUT.ttl
"""

import csv
import hashlib
import resource
import sys
import tomllib
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

import relate
from link import Linker
from parse import PARSERS, Source

BASE = "https://w3id.org/igfkg/id/"
IGF = Namespace("https://w3id.org/igfkg/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
SDGO = Namespace("http://metadata.un.org/sdg/ontology#")
SDG = "http://metadata.un.org/sdg/"

ACCENTS = {**dict.fromkeys("àáâãäåā", "a"), **dict.fromkeys("çćč", "c"), **dict.fromkeys("èéêëēę", "e"),
           **dict.fromkeys("ìíîï", "i"), **dict.fromkeys("ñń", "n"), **dict.fromkeys("òóôõöø", "o"),
           **dict.fromkeys("ùúûü", "u"), **dict.fromkeys("ýÿ", "y"), **dict.fromkeys("śš", "s"),
           **dict.fromkeys("źżž", "z"), "ł": "l"}


def slugify(text):
    slug = []
    dash = False
    for c in text.lower():
        c = ACCENTS.get(c, c)
        if c.isascii() and c.isalnum():
            if dash and slug:
                slug.append("-")
            slug.append(c)
            dash = False
        else:
            dash = True
    return "".join(slug)


def node(id_):
    return URIRef(BASE + id_)


def slug_node(kind, key):
    return URIRef(f"{BASE}{kind}/{slugify(key)}")


def en(text):
    return Literal(text, lang="en")


def decimal(value):
    """Four decimals, in the canonical form the store keeps ("0.25", "1")."""
    return Literal(f"{value:.4f}".rstrip("0").rstrip("."), datatype=XSD.decimal)


def source_node(attribution):
    url = attribution["url"]
    return URIRef(url) if ":" in url and " " not in url else Literal(url)


class Reference:
    def __init__(self, directory):
        def toml(name):
            return tomllib.loads((directory / name).read_text(encoding="utf-8"))

        def table(name):
            with open(directory / name, newline="", encoding="utf-8") as f:
                return list(csv.DictReader(f))

        def aliases(text):
            return [a.strip() for a in text.split("|") if a.strip()]

        self.meetings_file = toml("meetings.toml")
        self.goals_file = toml("sdgs.toml")
        self.groups_file = toml("stakeholder-groups.toml")
        self.topics_file = toml("topics.toml")
        self.groups = self.groups_file["group"]
        self.topics = self.topics_file["topic"]
        self.nris = [dict(row, aliases=aliases(row["aliases"])) for row in table("nris.csv")]
        self.organizations = [dict(row, aliases=aliases(row["aliases"])) for row in table("organizations.csv")]


def ordinal_word(n):
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class Builder:
    """Adds igfkg's triples to an rdflib Graph."""

    def __init__(self, graph):
        self.g = graph

    def add(self, s, p, o):
        self.g.add((s, p, o))

    def text(self, s, p, value):
        if value:
            self.add(s, p, en(value))

    def provenance(self, id_, doc, span, helper=None):
        """A node's source span; `helper` names its helper nodes when they
        are not the node's own (a person, one node across documents, gets
        `{id}-{document}-source`)."""
        s = node(id_)
        helper = helper or id_
        source, position, quote = node(helper + "-source"), node(helper + "-position"), node(helper + "-quote")
        self.add(source, RDF.type, OA.SpecificResource)
        self.add(source, OA.hasSource, doc)
        self.add(source, OA.hasSelector, position)
        self.add(source, OA.hasSelector, quote)
        self.add(source, IGF.startLine, Literal(span.start_line))
        self.add(source, IGF.endLine, Literal(span.end_line))
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, Literal(span.start))
        self.add(position, OA.end, Literal(span.end))
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, Literal(span.exact))
        if span.prefix:
            self.add(quote, OA.prefix, Literal(span.prefix))
        if span.suffix:
            self.add(quote, OA.suffix, Literal(span.suffix))
        self.add(s, PROV.wasDerivedFrom, doc)
        self.add(s, IGF.sourceSpan, source)

    def scheme(self, name, label, attribution):
        scheme = URIRef(f"{BASE}scheme/{name}")
        self.add(scheme, RDF.type, SKOS.ConceptScheme)
        self.add(scheme, RDFS.label, en(label))
        self.add(scheme, SKOS.prefLabel, en(label))
        self.add(scheme, DCTERMS.source, source_node(attribution))
        return scheme

    def concept(self, kind, cls, entry, alt_labels, scheme):
        """A concept of a reference scheme: its labels, under its broader
        concept or at the top of the scheme."""
        s = slug_node(kind, entry["id"])
        self.add(s, RDF.type, cls)
        self.add(s, RDF.type, SKOS.Concept)
        self.add(s, RDFS.label, en(entry["label"]))
        self.add(s, SKOS.prefLabel, en(entry["label"]))
        for alt in alt_labels:
            self.add(s, SKOS.altLabel, en(alt))
        if kind == "topic" and entry.get("definition"):
            self.add(s, SKOS.definition, en(entry["definition"]))
        self.add(s, SKOS.inScheme, scheme)
        broader = entry.get("broader")
        if broader:
            b = slug_node(kind, broader)
            self.add(s, SKOS.broader, b)
            self.add(b, SKOS.narrower, s)
        else:
            self.add(s, SKOS.topConceptOf, scheme)
            self.add(scheme, SKOS.hasTopConcept, s)
        return s

    def organization(self, org, document=None):
        s = node(org["id"])
        self.add(s, RDF.type, ORG.Organization)
        self.add(s, RDFS.label, en(org["name"]))
        for alias in org.get("aliases", []):
            self.add(s, SKOS.altLabel, en(alias))
        if org.get("stakeholder_group"):
            self.add(s, IGF.stakeholderGroup, slug_node("stakeholder-group", org["stakeholder_group"]))
        if org.get("country"):
            self.add(s, IGF.countryCode, Literal(org["country"]))
        if org.get("kind"):
            self.add(s, IGF.organizationKind, Literal(org["kind"]))
        if org.get("wikidata"):
            self.add(s, OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/{org['wikidata']}"))
        if org.get("source"):
            self.add(s, DCTERMS.source, Literal(org["source"]))
        if document is not None:
            self.add(s, PROV.wasDerivedFrom, document)

    def reference(self, ref):
        meetings_source = source_node(ref.meetings_file["source"])
        for m in ref.meetings_file["meeting"]:
            s = node(f"meeting/{m['year']}")
            self.add(s, RDF.type, IGF.Meeting)
            self.add(s, RDFS.label,
                     en(f"IGF {m['year']} ({ordinal_word(m['ordinal'])} IGF, {m.get('city') or 'online'})"))
            self.add(s, IGF.year, Literal(m["year"]))
            self.add(s, IGF.ordinal, Literal(m["ordinal"]))
            self.add(s, SCHEMA.startDate, Literal(m["start"], datatype=XSD.date))
            self.add(s, SCHEMA.endDate, Literal(m["end"], datatype=XSD.date))
            self.add(s, IGF.overarchingTheme, en(m["theme"]))
            self.text(s, IGF.hostCity, m.get("city"))
            self.text(s, IGF.hostCountry, m.get("country"))
            if m.get("country_code"):
                self.add(s, IGF.hostCountryCode, Literal(m["country_code"]))
            self.add(s, IGF.online, Literal(bool(m.get("online", False))))
            self.add(s, DCTERMS.source, meetings_source)
        goals_source = source_node(ref.goals_file["source"])
        for goal in ref.goals_file["goal"]:
            s = URIRef(f"{SDG}{goal['number']}")
            self.add(s, RDF.type, SDGO.Goal)
            self.add(s, RDF.type, SKOS.Concept)
            self.add(s, SKOS.prefLabel, en(goal["title"]))
            self.add(s, SKOS.altLabel, en(goal["short_title"]))
            self.add(s, RDFS.label, en(f"Goal {goal['number']}: {goal['short_title']}"))
            self.add(s, SKOS.notation, Literal(str(goal["number"])))
            self.add(s, DCTERMS.source, goals_source)
        scheme = self.scheme("stakeholder-groups", "IGF stakeholder groups", ref.groups_file["source"])
        for group in ref.groups:
            s = self.concept("stakeholder-group", IGF.StakeholderGroup, group, group.get("alt_labels", []), scheme)
            self.add(s, SKOS.definition, en(group["definition"]))
        kinds = {"national": IGF.NationalNri, "regional": IGF.RegionalNri,
                 "sub-regional": IGF.SubRegionalNri, "youth": IGF.YouthNri}
        for nri in ref.nris:
            s = slug_node("nri", nri["id"])
            self.add(s, RDF.type, IGF.NRI)
            self.add(s, RDF.type, ORG.Organization)
            self.add(s, RDFS.label, en(nri["name"]))
            for alias in nri["aliases"]:
                self.add(s, SKOS.altLabel, en(alias))
            self.add(s, IGF.nriKind, kinds[nri["kind"]])
            if nri["country"]:
                self.add(s, IGF.countryCode, Literal(nri["country"]))
            # One igf:region per UN M49 code of the `|`-separated column.
            for region in filter(None, nri["region"].split("|")):
                self.add(s, IGF.region, Literal(region))
            if nri.get("established"):
                self.add(s, IGF.established, Literal(nri["established"], datatype=XSD.gYear))
            self.add(s, IGF.nriStatus, Literal(nri.get("status") or "active"))
            if nri.get("successor"):
                self.add(s, DCTERMS.isReplacedBy, slug_node("nri", nri["successor"]))
            self.add(s, DCTERMS.source, Literal(nri["source"]))
        for org in ref.organizations:
            self.organization(dict(org, id=f"organization/{org['id']}"))
        scheme = self.scheme("topics", "Digital-policy topics", ref.topics_file["source"])
        for topic in ref.topics:
            self.concept("topic", IGF.Topic, topic, topic.get("alt_labels", []) + topic.get("weak_labels", []),
                         scheme)

    def document(self, entry, text, extraction, links, organizations):
        doc = slug_node("document", entry["id"])
        meeting = node(f"meeting/{entry['meeting']}")
        self.add(doc, RDF.type, IGF.SourceDocument)
        self.add(doc, RDFS.label, en(entry["title"]))
        self.add(doc, DCTERMS.title, en(entry["title"]))
        self.add(doc, DCTERMS.publisher, en(entry["publisher"]))
        self.add(doc, DCTERMS.issued, Literal(str(entry["year"]), datatype=XSD.gYear))
        self.add(doc, IGF.meeting, meeting)
        self.add(doc, IGF.documentKind, Literal(entry["kind"]))
        self.add(doc, IGF["format"], Literal(entry["format"]))
        self.add(doc, IGF.path, Literal(entry["path"]))
        self.add(doc, DCTERMS.rights, en(entry["licence"]))
        self.add(doc, IGF.sha256, Literal(hashlib.sha256(text.encode("utf-8")).hexdigest()))
        if entry.get("url"):
            self.add(doc, SCHEMA.url, URIRef(entry["url"]))
        for theme in extraction.themes:
            s = node(theme.id)
            self.add(s, RDF.type, IGF.Theme)
            self.add(s, RDFS.label, en(theme.title))
            self.add(s, IGF.year, Literal(theme.year))
            self.add(s, IGF.meeting, meeting)
            self.add(s, IGF.position, Literal(theme.position))
            self.provenance(theme.id, doc, theme.span)
        for session in extraction.sessions:
            self.session(session, doc, meeting)
        classes = {"Progress": IGF.ProgressNote, "Output": IGF.SessionOutput}
        for message in extraction.messages:
            s = node(message.id)
            self.add(s, RDF.type, IGF.Message)
            self.add(s, RDF.type, classes.get(message.kind, IGF[message.kind]))
            self.add(s, IGF.text, en(message.text))
            self.text(s, IGF.headline, message.headline)
            self.text(s, IGF.group, message.group)
            self.add(s, IGF.year, Literal(message.year))
            self.add(s, IGF.meeting, meeting)
            self.add(s, IGF.position, Literal(message.position))
            if message.session:
                self.add(s, IGF.session, node(message.session))
            if message.theme:
                self.add(s, IGF.theme, node(message.theme))
            self.provenance(message.id, doc, message.span)
        for statement in extraction.statements:
            s = node(statement.id)
            self.add(s, RDF.type, IGF.Statement)
            self.add(s, IGF.text, en(statement.text))
            self.add(s, IGF.position, Literal(statement.position))
            self.add(s, IGF.meeting, meeting)
            self.text(s, IGF.section, statement.section)
            if statement.heading:
                self.add(s, IGF.isHeading, Literal(True))
            self.provenance(statement.id, doc, statement.span)
        for person in extraction.people:
            s = node(person.id)
            self.add(s, RDF.type, FOAF.Person)
            self.add(s, RDFS.label, en(person.name))
            self.add(s, FOAF.name, Literal(person.name))
            self.text(s, SCHEMA.jobTitle, person.position_title)
            self.text(s, IGF.country, person.country)
            self.text(s, IGF.stakeholderGroupLabel, person.stakeholder_group)
            self.provenance(person.id, doc, person.span, f"{person.id}-{entry['id']}")
        for role in extraction.roles:
            s = node(role.id)
            self.add(s, RDF.type, IGF.SessionRole)
            self.add(s, IGF.person, node(role.person))
            self.add(s, IGF.session, node(role.session))
            self.add(s, IGF.roleKind, IGF[role.kind])
            self.text(s, IGF.subject, role.subject)
            self.provenance(role.id, doc, role.span)
        measures = {"onsite": IGF.Onsite, "remote": IGF.Remote, "total": IGF.Total, "women": IGF.Women,
                    "men": IGF.Men, "women-percent": IGF.WomenPercent}
        for p in extraction.participation:
            s, session = node(p.id), node(p.session)
            self.add(session, IGF.participation, s)
            self.add(s, RDF.type, IGF.Participation)
            self.add(s, IGF.session, session)
            self.add(s, IGF.text, en(p.text))
            for name, measure in measures.items():
                if name in p.figures:
                    value, qualifier = p.figures[name]
                    f = node(f"{p.id}-{name}")
                    self.add(s, IGF.figure, f)
                    self.add(f, RDF.type, IGF.Figure)
                    self.add(f, RDF.value, Literal(value))
                    self.add(f, IGF.qualifier, IGF[qualifier])
                    self.add(f, IGF.measure, measure)
            self.provenance(p.id, doc, p.span)
        for org in organizations:
            self.organization(org, doc)
        for subject, relation, target in links:
            self.add(node(subject), IGF[relation], self.target(target))

    def session(self, session, doc, meeting):
        s = node(session.id)
        self.add(s, RDF.type, IGF.Session)
        self.add(s, RDFS.label, en(session.title))
        self.add(s, IGF.year, Literal(session.year))
        self.add(s, IGF.meeting, meeting)
        self.add(s, IGF.position, Literal(session.position))
        self.add(s, IGF.sessionType, IGF[session.session_type])
        self.add(s, IGF.sessionTypeLabel, Literal(session.session_type_label))
        self.text(s, DCTERMS.description, session.description)
        self.text(s, IGF.track, session.track)
        if session.theme:
            self.add(s, IGF.theme, node(session.theme))
        if session.updated:
            self.add(s, DCTERMS.modified, Literal(session.updated, datatype=XSD.date))
        for field in session.fields:
            field_id = f"{session.id}-field-{field.number}"
            f = node(field_id)
            self.add(s, IGF.reportField, f)
            self.add(f, RDF.type, IGF.ReportField)
            self.add(f, RDFS.label, en(field.heading))
            self.add(f, IGF.fieldNumber, Literal(field.number))
            self.add(f, IGF.session, s)
            self.add(f, IGF.text, en(field.text))
            self.provenance(field_id, doc, field.span)
        self.provenance(session.id, doc, session.span)

    def target(self, target):
        kind = target[0]
        if kind == "goal":
            return URIRef(f"{SDG}{target[1]}")
        if kind == "goal-target":
            notation = f"{target[1]}.{target[2]}"
            iri = URIRef(SDG + notation)
            self.add(iri, RDF.type, SDGO.Target)
            self.add(iri, RDF.type, SKOS.Concept)
            self.add(iri, SKOS.notation, Literal(notation))
            self.add(iri, SKOS.broader, URIRef(f"{SDG}{target[1]}"))
            return iri
        if kind == "organization":
            return node(target[1])
        return slug_node(kind, target[1])

    def relations(self, echoes, alignments):
        for echo in echoes:
            later, earlier, s = self.similarity(IGF.Echo, echo)
            self.add(later, IGF.echoes, earlier)
            self.add(s, IGF.rank, Literal(echo["rank"]))
        for alignment in alignments:
            later, earlier, s = self.similarity(IGF.Alignment, alignment)
            match = SKOS.closeMatch if alignment["close"] else SKOS.relatedMatch
            self.add(later, match, earlier)
            self.add(earlier, match, later)
            self.add(s, IGF.matchType, match)
            self.add(s, IGF.titleScore, decimal(alignment["title_score"]))

    def similarity(self, cls, record):
        """The node of an echo or an alignment: what it relates and the
        scores both have. Returns the later node, the earlier one and it."""
        later, earlier, s = node(record["later"]), node(record["earlier"]), node(record["id"])
        self.add(s, RDF.type, cls)
        self.add(s, IGF.later, later)
        self.add(s, IGF.earlier, earlier)
        self.add(s, IGF.score, decimal(record["score"]))
        self.add(s, IGF.textScore, decimal(record["text_score"]))
        self.add(s, IGF.topicScore, decimal(record["topic_score"]))
        self.add(s, IGF.method, IGF.Similarity)
        return later, earlier, s

def build(data_dir):
    manifest = tomllib.loads((data_dir / "corpus.toml").read_text(encoding="utf-8"))
    # Without a reference/ folder, igfkg uses its standard reference data:
    # the repository's data/reference, built into it.
    own = data_dir / "reference"
    standard = Path(__file__).resolve().parents[2] / "data" / "reference"
    reference = Reference(own if own.is_dir() else standard)
    linker = Linker(reference)
    g = Graph()
    g.bind("igf", IGF)
    b = Builder(g)
    b.reference(reference)
    documents = []
    for entry in manifest["document"]:
        text = (data_dir / entry["path"]).read_bytes().decode("utf-8")
        extraction = PARSERS[entry["format"]](entry, Source(text))
        direct, links, organizations = linker.link(extraction)
        b.document(entry, text, extraction, links, organizations)
        documents.append((extraction, direct))
    b.relations(*relations(documents, linker))
    return g


def relations(documents, linker):
    topics = {}
    for _, links in documents:
        for subject, relation, target in links:
            if relation == "topic":
                topics.setdefault(subject, set()).add(target[1])

    def topics_of(id_):
        return sorted(topics.get(id_, ()))

    messages = [(m.id, m.year, m.text, topics_of(m.id)) for e, _ in documents for m in e.messages]
    units = []
    for extraction, _ in documents:
        members = {}
        for m in extraction.messages:
            members.setdefault(m.theme, []).append(m)
            members.setdefault(m.session, []).append(m)
        for unit, title in [(t, t.title) for t in extraction.themes] + [
                (s, f"{s.title}\n{s.description}" if s.description is not None else s.title)
                for s in extraction.sessions]:
            counts = {}
            for topic in topics_of(unit.id):
                counts[topic] = counts.get(topic, 0) + 1
            text = [title]
            for m in members.get(unit.id, []):
                text.append(m.text)
                for topic in topics_of(m.id):
                    counts[topic] = counts.get(topic, 0) + 1
            units.append((unit.id, unit.year, "\n".join(text), counts, linker.topics(unit.title)))
    return relate.lineage(messages), relate.align(units)


def main(data_dir, out):
    g = build(data_dir)
    g.serialize(destination=str(out), format="turtle")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(g)} triples, peak {peak:.0f} MiB", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
