"""Entity linking: SDGs, NRIs, organisations, topics, addressed stakeholder
groups and people's affiliations, by igfkg's rules (crates/link).

Returns the links as (subject, relation, target) triples, the way igfkg's
lean evidence level states them.
"""

import unicodedata

import regex as re

from parse import keyed, normalize_key


def normalize(original):
    """Folded text (lower case, no accents, one space between words) and,
    for each of its characters, the range of the original it comes from."""
    text = []
    origin = []
    space = True
    for i, c in enumerate(original):
        pushed = False
        for d in unicodedata.normalize("NFKD", c):
            if unicodedata.category(d).startswith("M"):
                continue
            for folded in d.lower():
                if folded.isalnum():
                    text.append(folded)
                    origin.append((i, i + 1))
                    space = False
                    pushed = True
        if not pushed and not space:
            text.append(" ")
            origin.append((i, i + 1))
            space = True
    return "".join(text), origin


def fold(label):
    return normalize(label)[0].strip()


def variants(label):
    folded = fold(label)
    forms = [folded]
    if " " in folded:
        forms.append(folded.replace(" ", ""))
    forms += [v[:-1] + "ies" for v in list(forms) if v.endswith("y") and v[:-1] and v[-2] not in "aeiou"]
    return [v for v in forms if v]


class Gazetteer:
    """Labels found in folded text on word boundaries, with plurals and
    joined spellings."""

    def __init__(self, labels):
        self.forms = {}
        self.longest = 1
        for key, label in labels:
            for form in variants(label):
                keys = self.forms.setdefault(form, [])
                if key not in keys:
                    keys.append(key)
                self.longest = max(self.longest, form.count(" ") + 1)

    def find(self, folded):
        """Each match: (start, end, key), offsets into the folded text."""
        words = []
        at = 0
        for word in folded.split(" "):
            if word:
                words.append((at, word))
            at += len(word) + 1
        hits = []
        for i in range(len(words)):
            for n in range(1, min(self.longest, len(words) - i) + 1):
                start = words[i][0]
                last_start, last = words[i + n - 1]
                text = folded[start:last_start + len(last)]
                candidates = [text]
                if last.endswith("es"):
                    candidates.append(text[:-2])
                if last.endswith("s"):
                    candidates.append(text[:-1])
                for form in candidates:
                    for key in self.forms.get(form, ()):
                        hits.append((start, start + len(text), key))
        return hits


_KEYWORD = re.compile(r"(?i)\b(?:SDGs?|Sustainable Development Goals?|Global Goals?)(?:\s*#)?")
_ITEM = re.compile(
    r"""^\s*(?:SDG\s*)?(?P<n>\d{1,2})(?:\.(?P<t>\d{1,2}|[a-z]))?\b(?P<title>\s*[„“”"«‘’'][^„“”"«»‘’']{1,90}[“”"»’'])?""")
_SEPARATOR = re.compile(r"^(?:\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|\s+as well as\s+)")
_GOAL_COLON = re.compile(r"\bGoal\s+(?P<n>\d{1,2})\s*:")
_TARGET = re.compile(r"(?i)\btargets?\s+(?P<n>\d{1,2})\.(?P<t>\d{1,2}|[a-z])\b")


def goal_number(text):
    n = int(text)
    return n if 1 <= n <= 17 else None


def find_sdgs(text):
    """The goals and targets a text names: (start, end, goal, target)."""
    hits = []
    read_until = 0
    for keyword in _KEYWORD.finditer(text):
        if keyword.start() < read_until:
            continue
        at = keyword.end()
        first = True
        while True:
            item = _ITEM.match(text[at:])
            if not item:
                break
            whole = item.group(0)
            goal = goal_number(item["n"])
            if goal is not None:
                start = keyword.start() if first else at + len(whole) - len(whole.lstrip())
                hits.append((start, at + len(whole), goal, item["t"]))
            first = False
            at += len(whole)
            separator = _SEPARATOR.match(text[at:])
            if separator and _ITEM.match(text[at + separator.end():]):
                at += separator.end()
            else:
                break
        read_until = at
    for m in _GOAL_COLON.finditer(text):
        goal = goal_number(m["n"])
        if goal is not None and not any(h[0] <= m.start() < h[1] for h in hits):
            hits.append((m.start(), m.end(), goal, None))
    for m in _TARGET.finditer(text):
        goal = goal_number(m["n"])
        if goal is not None:
            hits.append((m.start(), m.end(), goal, m["t"]))
    return hits


_CALL = re.compile(
    r"(?i)\b(?:should|must|shall|ought to|needs? to|have to|has to|called upon|calls? (?:on|for|upon)|urged?|urges|encouraged?|invited?|recommend(?:s|ed)?|responsibilit(?:y|ies)|roles?|it is (?:crucial|essential|important|critical))\b")
_SENTENCE_END = re.compile(r"[.!?;]+(?:\s+|$)|\n\s*\n")

ROLLED_UP = ("sdg", "nri", "organization", "topic")


class Linker:
    def __init__(self, reference):
        self.nris = Gazetteer((nri["id"], label) for nri in reference.nris
                              for label in [nri["name"]] + nri["aliases"])
        self.organizations = Gazetteer((org["id"], label) for org in reference.organizations
                                       for label in [org["name"]] + org["aliases"])
        self.groups = Gazetteer((g["id"], label) for g in reference.groups
                                for label in [g["label"]] + g.get("alt_labels", []))
        self.group_labels = {fold(label): g["id"] for g in reference.groups
                             for label in [g["label"]] + g.get("alt_labels", [])}
        self.topic_gazetteer = Gazetteer(
            (t["id"], label) for t in reference.topics if not t.get("basket", False)
            for label in [t["label"]] + t.get("alt_labels", []) + t.get("weak_labels", []))
        self.organization_labels = {}
        for org in reference.organizations:
            for label in [org["name"]] + org["aliases"]:
                self.organization_labels.setdefault(fold(label), org)

    def topics(self, text):
        return sorted({key for _, _, key in self.topic_gazetteer.find(normalize(text)[0])})

    def link(self, extraction):
        """The links of one document: a set of (subject, relation, target),
        the organisations its people lines name that the reference data
        does not, and the direct links (without roll-ups)."""
        links = set()
        for message in extraction.messages:
            self.link_text(links, message.id, message.span.exact, True)
        for statement in extraction.statements:
            self.link_text(links, statement.id, statement.span.exact, False)
        by_subject = {}
        for subject, relation, target in links:
            by_subject.setdefault(subject, []).append((relation, target))
        rollups = set()
        units = [(s, True) for s in extraction.sessions] + [(t, False) for t in extraction.themes]
        for unit, is_session in units:
            members = [m for m in extraction.messages
                       if (m.session if is_session else m.theme) == unit.id]
            own_end = len(unit.span.exact)
            if members:
                own_end = min(m.span.start for m in members) - unit.span.start
            self.link_text(links, unit.id, unit.span.exact[:own_end], False)
            for member in members:
                for relation, target in by_subject.get(member.id, ()):
                    if relation in ROLLED_UP:
                        rollups.add((unit.id, relation, target))
        organizations = []
        for person in extraction.people:
            self.link_person(links, organizations, person)
        return links, links | rollups, organizations

    def link_text(self, links, subject, text, is_message):
        for _, _, goal, target in find_sdgs(text):
            if target is not None:
                links.add((subject, "sdg", ("goal-target", goal, target)))
            links.add((subject, "sdg", ("goal", goal)))
        folded, origin = normalize(text)
        for _, _, key in self.nris.find(folded):
            links.add((subject, "nri", ("nri", key)))
            links.add((subject, "topic", ("topic", "nri")))
        for _, _, key in self.organizations.find(folded):
            links.add((subject, "organization", ("organization", f"organization/{key}")))
        for _, _, key in self.topic_gazetteer.find(folded):
            links.add((subject, "topic", ("topic", key)))
        if is_message:
            sentences = []
            start = 0
            for end in _SENTENCE_END.finditer(text):
                sentences.append((start, end.start()))
                start = end.end()
            sentences.append((start, len(text)))
            for hit_start, _, key in self.groups.find(folded):
                at = origin[hit_start][0]
                sentence = next(((s, e) for s, e in sentences if s <= at < max(e, s + 1)), None)
                if sentence is not None and _CALL.search(text[sentence[0]:sentence[1]]):
                    links.add((subject, "addresses", ("stakeholder-group", key)))

    def link_person(self, links, organizations, person):
        organization_group = None
        if person.affiliation is not None:
            known = self.organization_labels.get(fold(person.affiliation))
            if known is not None:
                organization_group = known["stakeholder_group"]
                id_ = f"organization/{known['id']}"
            else:
                id_ = keyed("organization", normalize_key(person.affiliation))
                if not any(o["id"] == id_ for o in organizations):
                    organizations.append({"id": id_, "name": person.affiliation})
            links.add((person.id, "affiliation", ("organization", id_)))
        written = None
        if person.stakeholder_group is not None:
            written = self.group_labels.get(fold(person.stakeholder_group))
        group = written or organization_group
        if group is not None:
            links.add((person.id, "stakeholderGroup", ("stakeholder-group", group)))
