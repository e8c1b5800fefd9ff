"""Reading the three structured formats igfkg gen writes into records.

The same rules as igfkg's ingest crate (crates/ingest): documents cut into
headings, bullets and paragraphs; session headings, Markdown themes and
numbered report fields; people lines, keynotes and participation figures.
Offsets are character offsets, as igfkg's spans are.
"""

import bisect
import unicodedata
import uuid
from dataclasses import dataclass, field
from typing import Optional

import regex as re

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://w3id.org/igfkg/ontology#")
CONTEXT = 32


def keyed(kind, *parts):
    """igfkg's NodeId::keyed: a UUID v5 of the kind and the key parts."""
    key = "\x1f".join((kind,) + parts)
    return f"{kind}/{uuid.uuid5(NAMESPACE, key)}"


def normalize_key(text):
    return " ".join(text.split()).lower()


_UNDECOMPOSED = {"ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"}


def person_key(name):
    """igfkg's person_key: normalize_key after folding accents (NFKD without
    combining marks, and the letters that have no decomposition)."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    folded = "".join(_UNDECOMPOSED.get(c, c) for c in folded.lower())
    return normalize_key(folded)


_SPACES = re.compile(r"\s+")


def fold_spaces(text):
    return _SPACES.sub(" ", text.strip())


@dataclass
class Span:
    start_line: int
    end_line: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass
class Line:
    number: int
    start: int
    end: int
    text: str

    def trimmed(self):
        leading = len(self.text) - len(self.text.lstrip())
        text = self.text.strip()
        return self.start + leading, self.start + leading + len(text), text

    def is_blank(self):
        return not self.text.strip()


class Source:
    """A document's text, its lines, and spans of it."""

    def __init__(self, text):
        self.text = text
        self.line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self.lines = []
        for index, start in enumerate(self.line_starts):
            if start >= len(text) and start != 0:
                continue
            end = self.line_starts[index + 1] - 1 if index + 1 < len(self.line_starts) else len(text)
            if text[start:end].endswith("\r"):
                end -= 1
            self.lines.append(Line(index + 1, start, end, text[start:end]))

    def line_index(self, offset):
        return bisect.bisect_right(self.line_starts, offset) - 1

    def span(self, start, end):
        return Span(
            start_line=self.line_index(start) + 1,
            end_line=self.line_index(max(end - 1, start)) + 1,
            start=start,
            end=end,
            exact=self.text[start:end],
            prefix=self.text[max(0, start - CONTEXT):start],
            suffix=self.text[end:end + CONTEXT],
        )


# Records, as igfkg's model crate has them.

@dataclass
class Message:
    id: str
    kind: str
    text: str
    headline: Optional[str]
    year: int
    position: int
    session: Optional[str]
    theme: Optional[str]
    group: Optional[str]
    span: Span


@dataclass
class Statement:
    id: str
    text: str
    position: int
    section: Optional[str]
    heading: bool
    span: Span


@dataclass
class Theme:
    id: str
    title: str
    year: int
    position: int
    span: Span


@dataclass
class ReportField:
    number: int
    heading: str
    text: str
    span: Span


@dataclass
class Session:
    id: str
    title: str
    session_type: str
    session_type_label: str
    year: int
    position: int
    description: Optional[str]
    span: Span
    updated: Optional[str] = None
    track: Optional[str] = None
    theme: Optional[str] = None
    fields: list = field(default_factory=list)


@dataclass
class Person:
    id: str
    name: str
    position_title: Optional[str]
    affiliation: Optional[str]
    country: Optional[str]
    stakeholder_group: Optional[str]
    span: Span


@dataclass
class Role:
    id: str
    person: str
    session: str
    kind: str
    subject: Optional[str]
    span: Span


@dataclass
class Participation:
    id: str
    session: str
    figures: dict
    text: str
    span: Span


@dataclass
class Extraction:
    themes: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    messages: list = field(default_factory=list)
    statements: list = field(default_factory=list)
    people: list = field(default_factory=list)
    roles: list = field(default_factory=list)
    participation: list = field(default_factory=list)


# Blocks: headings, bullets and paragraphs.

@dataclass
class Block:
    kind: str  # "heading", "bullet", "paragraph" or "rule"
    line: int
    last_line: int
    start: int
    end: int
    text: str
    indent: int = 0

    def is_bullet(self):
        return self.kind == "bullet"


_BULLET = re.compile(r"^(\s*)([•◦▪▫●○■□‣⁃∙·*+\-–—]|\d{1,2}[.)]|[a-z][)])\s+\S")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def blocks_in(source, first, last, markdown, numbered_at_margin):
    """Cuts lines [first, last) of a document into blocks."""
    blocks = []
    open_ = False
    for line in source.lines[first:last]:
        if line.is_blank():
            open_ = False
            continue
        start, end, trimmed = line.trimmed()
        if markdown:
            m = _HEADING.match(line.text)
            if m:
                blocks.append(Block("heading", line.number, line.number, line.start + m.start(2),
                                    line.start + m.end(2), m.group(2)))
                open_ = False
                continue
            if len(trimmed) >= 3 and all(c in "-*_" for c in trimmed):
                blocks.append(Block("rule", line.number, line.number, start, end, ""))
                open_ = False
                continue
        m = _BULLET.match(line.text)
        if m:
            indent = len(m.group(1))
            marker = m.group(2)
            numbered = marker[0].isascii() and marker[0].isalnum()
            if not (numbered and indent == 0 and not numbered_at_margin):
                content_start = line.start + m.end(2)
                rest = source.text[content_start:end]
                skip = len(rest) - len(rest.lstrip())
                blocks.append(Block("bullet", line.number, line.number, content_start + skip, end,
                                    rest.strip(), indent))
                open_ = True
                continue
        last_block = blocks[-1] if blocks else None
        if last_block is not None and open_ and (
            last_block.kind == "paragraph"
            or (last_block.is_bullet() and start - line.start > last_block.indent)
        ):
            last_block.end = end
            last_block.last_line = line.number
            last_block.text += " " + trimmed
        else:
            blocks.append(Block("paragraph", line.number, line.number, start, end, trimmed))
            open_ = True
    return blocks


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_STRONG = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_EMPHASIS = re.compile(r"(^|[^\w*])\*([^*\s](?:[^*]*[^*\s])?)\*")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


def strip_markdown(text):
    text = _LINK.sub(r"\1", text)
    text = _STRONG.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _EMPHASIS.sub(r"\1\2", text)
    text = _ESCAPE.sub(r"\1", text)
    return fold_spaces(text)


def headline(markdown):
    m = _STRONG.search(markdown)
    if not m:
        return None
    inner = m.group(1) if m.group(1) is not None else m.group(2)
    text = strip_markdown(inner).rstrip(",; ")
    return text or None


class Builder:
    """Accumulates the records of one document."""

    def __init__(self, document, source):
        self.source = source
        self.out = Extraction()
        self.doc_id = document["id"]
        self.year = document["meeting"]

    def span(self, start, end):
        return self.source.span(start, end)

    def message(self, kind, text, head, session, theme, group, start, end):
        position = len(self.out.messages) + 1
        id_ = keyed("message", self.doc_id, str(position))
        self.out.messages.append(Message(id_, kind, text, head, self.year, position, session, theme,
                                         group, self.span(start, end)))
        return id_

    def statement(self, text, section, heading, start, end):
        position = len(self.out.statements) + 1
        id_ = keyed("statement", self.doc_id, str(position))
        self.out.statements.append(Statement(id_, text, position, section, heading,
                                             self.span(start, end)))

    def session_id(self, title, position):
        return keyed("session", self.doc_id, normalize_key(title), str(position))

    def theme_id(self, title):
        return keyed("theme", self.doc_id, normalize_key(title))


# messages-by-session

_SESSION_HEADING = re.compile(
    r"(?i)^(?P<type>main session|high[- ]level thematic session|high[- ]level session|ceremonial(?:/hl)? session|opening session|closing session|plenary session|thematic session|special session|concluding session|introductory session|open forum|best practice forum|dynamic coalitions? session|lightning session|workshop)\s*(?:[:–—-]\s*|\s+)(?P<title>\S.*)$"
)


def session_type(label):
    label = label.lower().replace("-", " ")
    if label.startswith("main"):
        return "MainSession"
    if label.startswith("high level thematic"):
        return "HighLevelThematicSession"
    if label.startswith("ceremonial") or label.startswith("high level"):
        return "CeremonialHighLevelSession"
    return "OtherSession"


def unquote(title):
    title = title.strip()
    for open_, close in [("‘", "’"), ("'", "'"), ("“", "”"), ('"', '"'), ("«", "»")]:
        if len(title) >= 2 and title.startswith(open_) and title.endswith(close):
            return title[1:-1].strip()
    return title


def parse_by_session(document, source):
    b = Builder(document, source)
    blocks = blocks_in(source, 0, len(source.lines), markdown=False, numbered_at_margin=True)
    pending = []
    current = None  # [id, start, end, messages]

    def close(open_):
        for session in b.out.sessions:
            if session.id == open_[0]:
                session.span = b.span(open_[1], open_[2])

    def open_session(first):
        heading_index = None
        for i in range(len(pending) - 1, -1, -1):
            if _SESSION_HEADING.match(pending[i].text):
                heading_index = i
                break
        if heading_index is None:
            heading_index = next(
                (i for i, blk in enumerate(pending) if not blk.text.rstrip().endswith(".")), 0)
        for blk in pending[:heading_index]:
            section = None if first or not b.out.sessions else b.out.sessions[-1].title
            b.statement(fold_spaces(blk.text), section, False, blk.start, blk.end)
        heading = pending[heading_index]
        m = _SESSION_HEADING.match(heading.text)
        if m:
            label, title, kind = m.group("type"), unquote(m.group("title")), session_type(m.group("type"))
        else:
            label, title, kind = "", heading.text.strip(), "OtherSession"
        description = [fold_spaces(blk.text) for blk in pending[heading_index + 1:]]
        end = pending[-1].end
        position = len(b.out.sessions) + 1
        id_ = b.session_id(title, position)
        b.out.sessions.append(Session(id_, title, kind, label, b.year, position,
                                      "\n".join(description) if description else None,
                                      b.span(heading.start, end)))
        return [id_, heading.start, end, 0]

    for blk in blocks:
        if not blk.is_bullet():
            pending.append(blk)
            continue
        if pending:
            first = current is None
            if current is not None:
                close(current)
            current = open_session(first)
            pending = []
        session = current[0] if current else None
        b.message("KeyMessage", fold_spaces(blk.text), None, session, None, None, blk.start, blk.end)
        if current is not None:
            current[2] = blk.end
            current[3] += 1
    first = current is None
    if current is not None:
        close(current)
    if pending:
        close(open_session(first))
    return b.out


# messages-by-theme

_LINK_ONLY = re.compile(r"^\[([^\]]+)\]\([^)]*\)$")
_MESSAGES = re.compile(r"(?i)^(key )?(messages|takeaways)$")


def parse_by_theme(document, source):
    b = Builder(document, source)
    blocks = blocks_in(source, 0, len(source.lines), markdown=True, numbered_at_margin=True)
    listed = []
    for blk in blocks:
        if blk.kind in ("paragraph", "bullet"):
            m = _LINK_ONLY.match(blk.text.strip())
            if m:
                listed.append(strip_markdown(m.group(1)))

    def is_messages_heading(blk):
        return blk.kind == "heading" and _MESSAGES.match(strip_markdown(blk.text)) is not None

    current = None
    section = None
    themes_end = []
    for index, blk in enumerate(blocks):
        if blk.kind == "rule" or (blk.kind == "heading" and is_messages_heading(blk)):
            continue
        if blk.kind == "heading":
            title = strip_markdown(blk.text)
            following = next((x for x in blocks[index + 1:] if x.kind != "rule"), None)
            listed_as = next((n for n in listed if normalize_key(n) == normalize_key(title)), None)
            if (following is not None and is_messages_heading(following)) or listed_as is not None:
                title = listed_as if listed_as is not None else title
                id_ = b.theme_id(title)
                b.out.themes.append(Theme(id_, title, b.year, len(b.out.themes) + 1,
                                          b.span(blk.start, blk.end)))
                themes_end.append([id_, blk.start, blk.end])
                current = id_
            else:
                current = None
                b.statement(title, None, True, blk.start, blk.end)
                section = title
        elif current is not None:
            b.message("KeyMessage", strip_markdown(blk.text), headline(blk.text), None, current, None,
                      blk.start, blk.end)
            themes_end[-1][2] = blk.end
        elif not _LINK_ONLY.match(blk.text.strip()):
            b.statement(strip_markdown(blk.text), section, False, blk.start, blk.end)
    for id_, start, end in themes_end:
        for theme in b.out.themes:
            if theme.id == id_:
                theme.span = b.span(start, end)
    return b.out


# session-reports

_UPDATED = re.compile(r"(?i)^updated:\s*(?:\w+,\s*)?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})")
_FIELD = re.compile(r"^(?P<n>[1-8])\.\s*(?P<heading>\S.*?)\s*$")
FIELD_KINDS = {1: "PolicyQuestion", 2: "DiscussionPoint", 3: "Recommendation", 4: "Initiative",
               5: "Progress", 7: "GenderReflection"}
PARTICIPATION = 6


def parse_reports(document, source):
    b = Builder(document, source)
    lines = source.lines

    def previous_text_line(before):
        for i in range(before - 1, -1, -1):
            if not lines[i].is_blank():
                return i
        return None

    starts = []
    for index, line in enumerate(lines):
        if line.text.lstrip().lower().startswith("updated:"):
            type_line = previous_text_line(index)
            if type_line is None:
                continue
            title_line = previous_text_line(type_line)
            if title_line is None:
                continue
            starts.append((title_line, type_line, index))
    if not starts:
        raise ValueError(f"{document['path']}: no session reports")
    for blk in blocks_in(source, 0, starts[0][0], markdown=False, numbered_at_margin=False):
        b.statement(fold_spaces(blk.text), None, True, blk.start, blk.end)
    for k, (title_line, type_line, updated_line) in enumerate(starts):
        end_line = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        read_report(b, lines, title_line, type_line, updated_line, end_line)
    return b.out


def read_report(b, lines, title_line, type_line, updated_line, end_line):
    title_start, title_end, title = lines[title_line].trimmed()
    title = fold_spaces(title)
    _, _, type_label = lines[type_line].trimmed()
    type_label = fold_spaces(type_label)
    m = _UPDATED.match(lines[updated_line].text.strip())
    updated = f"{m['y']}-{int(m['m']):02}-{int(m['d']):02}" if m else None
    field_lines = []
    for index in range(updated_line + 1, end_line):
        m = _FIELD.match(lines[index].text)
        if m and int(m["n"]) == len(field_lines) + 1:
            field_lines.append((index, int(m["n"]), m["heading"].rstrip(":").strip()))
    first_field = field_lines[0][0] if field_lines else end_line
    track_lines = [l for l in lines[updated_line + 1:first_field] if not l.is_blank()]
    last_text_line = next((i for i in range(end_line - 1, title_line - 1, -1) if not lines[i].is_blank()),
                          title_line)
    position = len(b.out.sessions) + 1
    session_id = b.session_id(title, position)
    span = b.span(title_start, max(lines[last_text_line].end, title_end))
    track = " ".join(fold_spaces(l.text) for l in track_lines) or None
    theme = None
    if track is not None:
        theme = b.theme_id(track)
        if not any(t.id == theme for t in b.out.themes):
            s, e, _ = track_lines[0].trimmed()
            b.out.themes.append(Theme(theme, track, b.year, len(b.out.themes) + 1, b.span(s, e)))
    session = Session(session_id, title, session_type(type_label), type_label, b.year, position, None,
                      span, updated, track, theme)
    people = {"facilitators": False}
    for k, (heading_line, number, heading) in enumerate(field_lines):
        body_end = field_lines[k + 1][0] if k + 1 < len(field_lines) else end_line
        blocks = blocks_in(b.source, heading_line + 1, body_end, markdown=False, numbered_at_margin=True)
        text = "\n".join(fold_spaces(blk.text) for blk in blocks)
        field_end = blocks[-1].end if blocks else lines[heading_line].end
        field_span = b.span(lines[heading_line].start, field_end)
        if text and number == PARTICIPATION:
            read_participation(b, session_id, text, blocks[0].start, field_end)
        elif text:
            read_points(b, session_id, theme, title, number, heading, blocks, people)
        session.fields.append(ReportField(number, heading, text, field_span))
    b.out.sessions.append(session)


def merge_children(blocks):
    merged = []
    for blk in blocks:
        parent = merged[-1] if merged else None
        if parent is not None and blk.is_bullet() and parent.is_bullet() and blk.indent > parent.indent:
            parent.text += " " + blk.text
            parent.end = blk.end
            parent.last_line = blk.last_line
        else:
            merged.append(Block(blk.kind, blk.line, blk.last_line, blk.start, blk.end, blk.text, blk.indent))
    return merged


def is_subheading(blk, followed):
    return (followed and not blk.is_bullet() and blk.line == blk.last_line
            and len(blk.text.split()) <= 8 and not blk.text.rstrip().endswith(tuple(".:?!;,")))


_ROSTER = re.compile(r"(?i)\b(?:list of (?:the )?participa\w*|participating (?:NRIs|initiatives|organi[sz]ations|countries)\b[^:]*:$)")
_PLACEHOLDER = re.compile(r"(?i)^(?:this (?:question|field|section) (?:does not|doesn't|did not) apply|not applicable\b|n/?a\.?$|none\.?$|tbd\.?$)")
_RECORDING = re.compile(r"(?i)\b(?:video|recording|transcripts?|transcrip)\b.*\b(?:is|are) available\b.*\bhere\b")


def read_points(b, session, theme, title, number, heading, blocks, people):
    """igfkg's crates/ingest/src/reports/points.rs: rosters stay in the
    field's text, placeholders and pointers to unlinked recordings are
    diagnostics, and a field whose only words besides people lines are a
    lead-in has that lead-in as its point."""
    blocks = merge_children(blocks)
    kind = FIELD_KINDS.get(number, "Output")
    section = f"{title} — {number}. {heading}"
    group = None
    roster = False
    words = [blk for blk in blocks
             if not (blk.is_bullet() and parse_person_line(fold_spaces(blk.text)) is not None)]
    only_lead_in = (len(words) == 1 and not words[0].is_bullet()
                    and fold_spaces(words[0].text).endswith(":"))
    for index, blk in enumerate(blocks):
        followed = index + 1 < len(blocks)
        text = fold_spaces(blk.text)
        line = parse_person_line(text) if blk.is_bullet() else None
        if line is not None:
            add_person_line(b, session, line, blk, people)
            continue
        if roster and blk.is_bullet():
            continue
        roster = False
        if _PLACEHOLDER.search(text):
            continue
        if _RECORDING.search(text) and "://" not in text and "www." not in text:
            continue
        if not blk.is_bullet() and text.endswith(":") and followed and not only_lead_in:
            people["facilitators"] = "facilita" in text.lower()
            roster = bool(_ROSTER.search(text))
            b.statement(text, section, False, blk.start, blk.end)
            continue
        if only_lead_in:
            people["facilitators"] = "facilita" in text.lower()
        if is_subheading(blk, followed):
            group = text
            continue
        note = keynote(text)
        if note is not None:
            add_keynote(b, session, blk, note, blocks)
        b.message(kind, text, None, session, theme, group, blk.start, blk.end)


def add_person(b, person):
    for known in b.out.people:
        if known.id == person.id:
            known.position_title = known.position_title or person.position_title
            known.affiliation = known.affiliation or person.affiliation
            known.country = known.country or person.country
            known.stakeholder_group = known.stakeholder_group or person.stakeholder_group
            return known.id
    b.out.people.append(person)
    return person.id


def add_role(b, session, person, kind, subject, start, end):
    id_ = keyed("role", session, person, kind)
    if any(r.id == id_ for r in b.out.roles):
        return
    b.out.roles.append(Role(id_, person, session, kind, subject, b.span(start, end)))


def add_person_line(b, session, line, blk, people):
    person = add_person(b, Person(keyed("person", person_key(line["name"])), line["name"],
                                  line["position_title"], line["affiliation"], line["country"],
                                  line["stakeholder_group"], b.span(blk.start, blk.end)))
    if line["presented"]:
        add_role(b, session, person, "Presenter", line["subject"], blk.start, blk.end)
    if people["facilitators"] or not line["presented"]:
        add_role(b, session, person, "Facilitator", line["subject"], blk.start, blk.end)


def block_offset(source, start, end, folded):
    """The offset in the raw block of an offset in its folded text."""
    seen = 0
    previous_space = False
    for i, c in enumerate(source[start:end]):
        if seen >= folded:
            return i
        space = c.isspace()
        if not (space and previous_space):
            seen += 1
        previous_space = space
    return end - start


def add_keynote(b, session, blk, note, blocks):
    affiliation = government_affiliation(" ".join(x.text for x in blocks))
    offset = blk.start + block_offset(b.source.text, blk.start, blk.end, note["start"])
    end = blk.start + block_offset(b.source.text, blk.start, blk.end, note["end"])
    group = None
    if affiliation is not None and "Government" in affiliation[0]:
        group = "Government"
    elif note["title"] is not None and ("Ambassador" in note["title"] or "Minister" in note["title"]):
        group = "Government"
    person = add_person(b, Person(keyed("person", person_key(note["name"])), note["name"], note["title"],
                                  affiliation[0] if affiliation else None,
                                  affiliation[1] if affiliation else None, group, b.span(offset, end)))
    add_role(b, session, person, "Keynote", None, offset, end)


# People lines and keynotes (crates/ingest/src/people.rs)

_PERSON_LINE = re.compile(
    r"^(?:(?P<subject>[^:]{1,100}):\s+)?(?P<presented>(?:Report of the discussion )?presented by\s+)?(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\.\s+(?P<rest>.+?)\.?\s*$"
)
_PART_SEPARATOR = re.compile(r"\.\s+")
_GROUP = re.compile(
    r"(?i)^(civil society|technical community|private sector|business|government|intergovernmental organi[sz]ations?|academia|academic community|youth)$")
_PLACE = re.compile(r"^(?:The )?\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3}$")
_JOB_TITLE = re.compile(
    r"(?i)\b(officer|director|head|coordinator|manager|chair|president|ambassador|minister|advis[eo]r|professor|researcher|founder|ceo|cto|cio|lead|secretary|counsel|fellow|member|expert|analyst|editor|engineer)\b")


def parse_person_line(text):
    m = _PERSON_LINE.match(text.strip())
    if not m:
        return None
    parts = [p.strip().rstrip(".").strip() for p in _PART_SEPARATOR.split(m["rest"])]
    parts = [p for p in parts if p]
    if not parts or len(parts) > 4:
        return None
    group = parts.pop() if _GROUP.match(parts[-1]) else None
    country = None
    if parts and _PLACE.match(parts[-1]) and (len(parts) > 1 or group is not None):
        country = parts.pop()
    if country is None and group is None:
        return None
    if not parts:
        position, affiliation = None, None
    elif len(parts) == 1:
        position, affiliation = split_position(parts[0])
    elif len(parts) == 2:
        position, affiliation = parts
    else:
        return None
    return {"subject": m["subject"].strip() if m["subject"] is not None else None,
            "presented": m["presented"] is not None, "name": m["name"],
            "position_title": position, "affiliation": affiliation, "country": country,
            "stakeholder_group": group}


def split_position(part):
    for separator in (" at the ", " at "):
        if separator in part:
            position, organisation = part.split(separator, 1)
            if _JOB_TITLE.search(position):
                return position.strip(), organisation.strip()
            break
    if ", " in part:
        position, organisation = part.rsplit(", ", 1)
        if _JOB_TITLE.search(position):
            return position.strip(), organisation.strip()
    return None, part


_KEYNOTE = re.compile(
    r"(?P<title>(?:\p{Lu}\p{L}+\s+){0,3}?)(?P<name>\p{Lu}\p{L}+\s+\p{Lu}[\p{L}-]+)(?:'s)?\s+keynote\b")
_TITLE_WORDS = re.compile(
    r"^(?:(?:Cyber|Digital|Tech|Special|Deputy|Vice|Under-Secretary-General|Secretary-General|Former|Chief|Ambassador|Minister|President|Professor|Prof|Dr|Mr|Mrs|Ms|Commissioner|Director|Envoy|Senator|Representative)\s*)+$")


def keynote(text):
    m = _KEYNOTE.search(text)
    if not m:
        return None
    title = m["title"].strip() if m["title"] else None
    title = title if title and _TITLE_WORDS.match(title) else None
    return {"title": title, "name": m["name"], "start": m.start("name"), "end": m.end("name")}


_GOVERNMENT = re.compile(
    r"\bthe (?P<adj>\p{Lu}\p{L}+) Government\b|\bthe Government of (?P<country>\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)*)")
_DEMONYMS = {
    "Australian": "Australia", "Brazilian": "Brazil", "British": "United Kingdom", "Canadian": "Canada",
    "Chinese": "China", "Dutch": "The Netherlands", "Egyptian": "Egypt", "Estonian": "Estonia",
    "Ethiopian": "Ethiopia", "French": "France", "German": "Germany", "Indian": "India",
    "Indonesian": "Indonesia", "Israeli": "Israel", "Italian": "Italy", "Japanese": "Japan",
    "Kenyan": "Kenya", "Mexican": "Mexico", "Norwegian": "Norway", "Polish": "Poland",
    "Russian": "Russia", "Saudi": "Saudi Arabia", "Swiss": "Switzerland", "American": "United States",
}


def government_affiliation(text):
    m = _GOVERNMENT.search(text)
    if not m:
        return None
    if m["adj"] is not None:
        return f"{m['adj']} Government", _DEMONYMS.get(m["adj"])
    return f"Government of {m['country']}", m["country"]


# Participation figures (crates/ingest/src/participation.rs)

_NUMBER = re.compile(
    r"(?i)(?P<qual>\b(?:over|more than|about|around|approximately|nearly|almost|at least|some)\s+)?(?P<num>\d+)(?P<plus>\s*(?:and\s*\+|\+))?(?P<pct>\s*%)?")
_WORD_SPLIT = re.compile(r"[^\w-]|_")
_AFTER_SPLIT = re.compile(r"[,.;/:(0-9]")


def has_word(text, words):
    return any(w.lower() in words for w in _WORD_SPLIT.split(text))


def classify(context, percent):
    women = has_word(context, {"women", "woman", "female", "females"})
    men = has_word(context, {"men", "man", "male", "males"})
    remote = has_word(context, {"remote", "remotely", "online"})
    onsite = has_word(context, {"onsite", "on-site", "present", "offline", "in-person"}) \
        or "in the room" in context.lower()
    people = has_word(context, {"participants", "people", "attendees", "persons", "participation"})
    if percent:
        return "women-percent" if women else None
    if women:
        return "women"
    if men:
        return "men"
    if remote and onsite:
        return "total"
    if remote:
        return "remote"
    if onsite:
        return "onsite"
    if people:
        return "total"
    return None


def read_figures(text):
    figures = {}
    for line in text.split("\n"):
        label = line.split(":", 1)[0] if ":" in line else None
        for m in _NUMBER.finditer(line):
            after = " ".join(_AFTER_SPLIT.split(line[m.end():], 1)[0].split()[:5])
            label_here = label if label is not None and m.start() > len(label) else ""
            percent = m["pct"] is not None
            measure = classify(after, percent) or classify(label_here, percent) \
                or (classify(line, True) if percent else None)
            if m["plus"] is not None:
                qualifier = "AtLeast"
            elif m["qual"] is None:
                qualifier = "Exact"
            else:
                q = m["qual"].strip().lower()
                qualifier = {"over": "MoreThan", "more than": "MoreThan", "at least": "AtLeast"}.get(q, "About")
            if measure is not None and measure not in figures:
                figures[measure] = (int(m["num"]), qualifier)
    return figures


def read_participation(b, session, text, start, end):
    b.out.participation.append(Participation(keyed("participation", session), session, read_figures(text),
                                             text, b.span(start, end)))


PARSERS = {
    "messages-by-session": parse_by_session,
    "messages-by-theme": parse_by_theme,
    "session-reports": parse_reports,
}
