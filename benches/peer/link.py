"""Entity linking: SDGs, NRIs, organisations, topics, addressed stakeholder
groups and people's affiliations, by igfkg's rules (crates/link).

Returns the links as (subject, relation, target) triples, the way igfkg's
lean evidence level states them.
"""

import bisect
import unicodedata

import regex as re

from parse import keyed, normalize_key


_URL = re.compile(r"""(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'’”]""")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_FILE_NAME = re.compile(
    r"(?i)\b[\w~-][\w.~-]*\.(?:pdf|docx?|odt|rtf|txt|md|xlsx?|ods|csv|tsv|json|xml|pptx?|odp|zip|gz|tar|png|jpe?g|gif|svg|mp[34]|html?|php|aspx?)\b")


def addresses(text):
    """igfkg's crates/link/src/mask.rs: the URLs (with a scheme, or a www.
    host), e-mail addresses and file names of a text, as character ranges.
    igfkg finds URLs and e-mail addresses with linkify; these patterns
    follow it for the shapes documents write."""
    ranges = sorted((m.start(), m.end()) for pattern in (_URL, _EMAIL, _FILE_NAME)
                    for m in pattern.finditer(text))
    merged = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def normalize(original, masked=None):
    """Folded text (lower case, no accents, one space between words, an
    address folded to a space) and, for each of its characters, the range
    of the original it comes from."""
    if masked is None:
        masked = addresses(original)
    text = []
    origin = []
    space = True
    k = 0
    for i, c in enumerate(original):
        while k < len(masked) and masked[k][1] <= i:
            k += 1
        in_address = k < len(masked) and masked[k][0] <= i
        pushed = False
        for d in ("" if in_address else unicodedata.normalize("NFKD", c)):
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
    # An acronym of joined words also written apart ("AfIGF" as "Af IGF").
    apart = []
    previous_lower = False
    for c in label:
        if previous_lower and c.isupper():
            apart.append(" ")
        previous_lower = c.islower()
        apart.append(c)
    apart = fold("".join(apart))
    if apart not in forms:
        forms.append(apart)
    forms += [v[:-1] + "ies" for v in list(forms) if v.endswith("y") and v[:-1] and v[-2] not in "aeiou"]
    return [v for v in forms if v]


class Gazetteer:
    """Labels found in folded text on word boundaries, with plurals and
    joined spellings."""

    def __init__(self, labels, unambiguous=False):
        """`labels`: (key, label) or (key, label, weak). `unambiguous`: a
        form two keys share is dropped (igfkg's Gazetteer::names)."""
        self.forms = {}
        self.longest = 1
        for key, label, *weak in labels:
            weak = bool(weak and weak[0])
            for form in variants(label):
                entries = self.forms.setdefault(form, [])
                known = next((e for e in entries if e[0] == key), None)
                if known is None:
                    entries.append((key, label, weak))
                elif known[2] and not weak:
                    entries[entries.index(known)] = (key, label, weak)
                self.longest = max(self.longest, form.count(" ") + 1)
        if unambiguous:
            self.forms = {form: entries for form, entries in self.forms.items()
                          if all(e[0] == entries[0][0] for e in entries)}

    def find(self, folded):
        """Each match: (start, end, key), offsets into the folded text."""
        return [(start, end, key) for start, end, key, _, _ in self.find_labels(folded)]

    def find_labels(self, folded):
        """Each match: (start, end, key, label, weak)."""
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
                    for key, label, weak in self.forms.get(form, ()):
                        hits.append((start, start + len(text), key, label, weak))
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


# igfkg's crates/link/src/calls.rs: whether a sentence calls on a group.
_AGENT = re.compile(r"(?i)\b(?:should|must|shall|ought to|needs? to|ha(?:ve|s) to|(?:is|are|was|were|be|been) (?:called (?:up)?on|urged|invited|encouraged|asked|requested|required|expected|obliged) to)\b")
_DESCRIBES = re.compile(r"(?i)^\s+(?:be\s+(?:of|a|an|the|at|in|on|part)\b|(?:also\s+)?benefit)")
_ADDRESSEE = re.compile(r"(?i)\b(?:call(?:s|ed|ing)? (?:up)?on|urg(?:e|es|ed|ing)|invit(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|ask(?:s|ed|ing)?|advi[cs](?:e|es|ed|ing)|(?:suggestion|recommendation|appeal)s? (?:to|for)|recommend(?:s|ed|ing)? that|requir(?:e|es|ed|ing)|oblig(?:e|es|ed|ing))\b")
_CLAUSE = re.compile(r"(?i)\b(?:it is (?:crucial|essential|important|critical|key|vital|necessary|paramount|imperative|urgent) that|(?:should|must|shall|ought to|needs? to|ha(?:ve|s) to)(?: \w+)? be [\w ,]{0,60}?\bby)\b")
_CLAUSE_END = re.compile(r"(?i)[;?!]|\b(?:so that|while|because|which|whereas|although|but)\b")
_GLUE = {"and", "or", "the", "all", "both", "also", "as", "well", "they"}
_AGENT_GAP = 3
_ADDRESSEE_GAP = 4


def _without_groups(s, start, end, groups):
    out = []
    at = start
    for g in groups:
        if g[0] >= start and g[1] <= end:
            out.append(s[at:g[0]])
            out.append(" , ")
            at = g[1]
    out.append(s[at:end])
    return "".join(out)


def _word_count(text):
    return len([w for w in re.split(r"[^\w-]|_", text) if w])


def _agent(s, group, groups):
    rest = s[group[1]:]
    if rest.startswith(("’", "'")):
        return None
    gap_start = group[1]
    if s[:group[0]].rfind("(") > s[:group[0]].rfind(")") and ")" in rest:
        gap_start = group[1] + rest.index(")") + 1
    found = _AGENT.search(s, gap_start)
    if found is None or _DESCRIBES.search(s[found.end():]):
        return None
    segments = _without_groups(s, gap_start, found.start(), groups).split(",")
    first = segments[0]
    if any(c in first for c in ".;:?!") or _word_count(first) > _AGENT_GAP:
        return None
    for segment in segments[1:]:
        if any(w.lower() not in _GLUE for w in re.split(r"[^\w]|_", segment) if w):
            return None
    return found.group(0)


def _addressee(s, group, groups):
    cues = list(_ADDRESSEE.finditer(s[:group[0]]))
    if not cues:
        return None
    cue = cues[-1]
    gap = _without_groups(s, cue.end(), group[0], groups)
    if any(c in gap for c in ".;:?!") or _word_count(gap) > _ADDRESSEE_GAP:
        return None
    return cue.group(0)


def _clause(s, group):
    cues = [c for c in _CLAUSE.finditer(s[:group[0]]) if not _CLAUSE_END.search(s[c.end():group[0]])]
    return cues[-1].group(0) if cues else None


def call_cue(s, group, groups):
    """The cue that calls on the group at `group` (offsets in the sentence
    `s`), among the sentence's group mentions `groups`."""
    return _agent(s, group, groups) or _addressee(s, group, groups) or _clause(s, group)


_SENTENCE_END = re.compile(r"[.!?;]+(?:\s+|$)|\n\s*\n")

ROLLED_UP = ("sdg", "nri", "organization", "topic")

_SDGS_AS_A_WHOLE = re.compile(
    r"(?i)\b(?:Sustainable\s+Development\s+Goals?|SDGs?|(?:UN\s+)?2030\s+Agenda(?:\s+for\s+Sustainable\s+Development)?)\b")


def nri_name_forms(label):
    """igfkg's nri_name_forms: "Canada IGF", "IGF Canada", "Canada Internet
    Governance Forum", "Internet Governance Forum Canada"; "Youth IGF X" and
    "X Youth IGF"."""
    forms = [label]
    place = None
    for suffix in (" IGF", " Internet Governance Forum"):
        if label.endswith(suffix):
            place = label[:-len(suffix)]
            break
    if place is None:
        for prefix in ("IGF ", "Internet Governance Forum "):
            if label.startswith(prefix):
                place = label[len(prefix):]
                break
    youth = False
    if place is None:
        if label.startswith("Youth IGF "):
            place, youth = label[len("Youth IGF "):], True
        elif label.endswith(" Youth IGF"):
            place, youth = label[:-len(" Youth IGF")], True
        else:
            return forms
    if not place or place == "Youth":
        return forms
    if youth:
        variants_ = [f"Youth IGF {place}", f"{place} Youth IGF"]
    else:
        variants_ = [f"{place} IGF", f"IGF {place}", f"{place} Internet Governance Forum",
                     f"Internet Governance Forum {place}"]
    return forms + [v for v in variants_ if v != label]


def _capitals(word):
    return sum(1 for c in word if c.isupper())


class Linker:
    def __init__(self, reference):
        self.nris = Gazetteer(((nri["id"], form) for nri in reference.nris
                               for label in [nri["name"]] + nri["aliases"]
                               for form in nri_name_forms(label)), unambiguous=True)
        self.organizations = Gazetteer(((org["id"], label) for org in reference.organizations
                                        for label in [org["name"]] + org["aliases"]),
                                       unambiguous=True)
        self.groups = Gazetteer((g["id"], label) for g in reference.groups
                                for label in [g["label"]] + g.get("alt_labels", []))
        self.group_labels = {fold(label): g["id"] for g in reference.groups
                             for label in [g["label"]] + g.get("alt_labels", [])}
        self.topic_gazetteer = Gazetteer(
            (t["id"], label, weak) for t in reference.topics if not t.get("basket", False)
            for label, weak in [(t["label"], False)] + [(l, False) for l in t.get("alt_labels", [])]
            + [(l, True) for l in t.get("weak_labels", [])])
        self.broader = {t["id"]: t["broader"] for t in reference.topics if t.get("broader")}
        self.organization_labels = {}
        for org in reference.organizations:
            for label in [org["name"]] + org["aliases"]:
                self.organization_labels.setdefault(fold(label), org)

    def topic_hits(self, folded, context=frozenset()):
        """igfkg's Linker::topic_hits: a weak label needs support, another
        label of its topic in the text, a strong label of a topic under the
        same broader topic, or its topic among `context` (the topics of the
        titles the text stands under)."""
        hits = self.topic_gazetteer.find_labels(folded)

        def supported(weak):
            broader = self.broader.get(weak[2])
            return weak[2] in context or any(
                (h[2] == weak[2] and h[3] != weak[3])
                or (not h[4] and h[2] != weak[2] and broader is not None
                    and self.broader.get(h[2]) == broader)
                for h in hits)
        def is_broader(broader, topic):
            at = topic
            for _ in range(32):
                up = self.broader.get(at)
                if up is None:
                    return False
                if up == broader:
                    return True
                at = up
            return False

        def inside(hit):
            return any(h[2] != hit[2] and h[0] <= hit[0] and hit[1] <= h[1]
                       and h[1] - h[0] > hit[1] - hit[0]
                       and (hit[4] or is_broader(hit[2], h[2])) for h in hits)
        return [h for h in hits if (not h[4] or supported(h)) and not inside(h)]

    def topics(self, title):
        """igfkg's Linker::topics: a title's weak labels count unsupported."""
        return sorted({h[2] for h in self.topic_gazetteer.find_labels(normalize(title)[0])})

    def names(self, text, folded, origin):
        """igfkg's Linker::names: the NRIs and organisations a text names,
        the longest name winning across both; a one-word name matches only
        as the registry writes it."""
        def as_written(label, words):
            return (any(c.isspace() or c == "-" for c in words) or words.startswith(label)
                    or (_capitals(label) >= 2 and _capitals(words) >= 2))

        def after_youth(start):
            before = text[:start].rstrip()
            return len(before) < start and before[-5:].lower() == "youth" and len(before) >= 5

        def found(gazetteer, youth_rule):
            hits = []
            for s, e, key, label, _ in gazetteer.find_labels(folded):
                start, end = origin[s][0], origin[e - 1][1]
                if as_written(label, text[start:end]) and not (youth_rule and after_youth(start)):
                    hits.append((start, end, key))
            return hits
        nris, organizations = found(self.nris, True), found(self.organizations, False)
        spans = [(s, e) for s, e, _ in nris + organizations]

        def beaten(start, end):
            return any(e - s > end - start and s < end and start < e for s, e in spans)
        organizations = [h for h in organizations if not beaten(h[0], h[1])]

        def prefixes(h):
            return h[2] == "united-nations" and any(
                n[0] > h[1] and text[h[1]:n[0]].isspace() for n in organizations)
        return ([h for h in nris if not beaten(h[0], h[1])],
                [h for h in organizations if not prefixes(h)])

    def link(self, extraction):
        """The links of one document: a set of (subject, relation, target),
        the organisations its people lines name that the reference data
        does not, and the direct links (without roll-ups)."""
        links = set()
        title_topics = {u.id: set(self.topics(u.title))
                        for u in list(extraction.themes) + list(extraction.sessions)}

        def context(*units):
            return frozenset(t for u in units if u is not None for t in title_topics.get(u, ()))
        for message in extraction.messages:
            self.link_text(links, message.id, message.span.exact, True,
                           context(message.session, message.theme))
        for statement in extraction.statements:
            self.link_text(links, statement.id, statement.span.exact, False)
        by_subject = {}
        for subject, relation, target in links:
            by_subject.setdefault(subject, []).append((relation, target))
        rollups = set()
        parts = record_parts(extraction)
        units = [(s, True) for s in extraction.sessions] + [(t, False) for t in extraction.themes]
        for unit, is_session in units:
            members = [m for m in extraction.messages
                       if (m.session if is_session else m.theme) == unit.id]
            for start, end in own_words(unit.span, parts):
                self.link_text(links, unit.id, unit.span.exact[start:end], False, context(unit.id))
            for member in members:
                for relation, target in by_subject.get(member.id, ()):
                    if relation in ROLLED_UP:
                        rollups.add((unit.id, relation, target))
        organizations = []
        for person in extraction.people:
            self.link_person(links, organizations, person)
        return links, links | rollups, organizations

    def link_text(self, links, subject, text, is_message, context=frozenset()):
        masked = addresses(text)
        # Words that name an SDG, an NRI or an organisation name no topic.
        named = []
        for start, end, goal, target in find_sdgs(text):
            if any(a < end and start < b for a, b in masked):
                continue
            named.append((start, end))
            if target is not None:
                links.add((subject, "sdg", ("goal-target", goal, target)))
            links.add((subject, "sdg", ("goal", goal)))
        named += [(m.start(), m.end()) for m in _SDGS_AS_A_WHOLE.finditer(text)]
        folded, origin = normalize(text, masked)
        nris, organizations = self.names(text, folded, origin)
        for start, end, key in nris:
            named.append((start, end))
            links.add((subject, "nri", ("nri", key)))
        for start, end, key in organizations:
            named.append((start, end))
            links.add((subject, "organization", ("organization", f"organization/{key}")))
        for hit in self.topic_hits(folded, context):
            start, end = origin[hit[0]][0], origin[hit[1] - 1][1]
            if any(s <= start and end <= e for s, e in named):
                continue
            links.add((subject, "topic", ("topic", hit[2])))
        if is_message:
            sentences = []
            start = 0
            for end in _SENTENCE_END.finditer(text):
                sentences.append((start, end.start()))
                start = end.end()
            sentences.append((start, len(text)))
            hits = [(origin[s][0], origin[e - 1][1], key) for s, e, key in self.groups.find(folded)]
            for hit_start, hit_end, key in hits:
                sentence = next(((s, e) for s, e in sentences if s <= hit_start < max(e, s + 1)), None)
                if sentence is None:
                    continue
                s, e = sentence
                e = max(e, hit_end)
                in_sentence = sorted({(h[0] - s, h[1] - s) for h in hits if s <= h[0] and h[1] <= sentence[1]})
                if call_cue(text[s:e], (hit_start - s, hit_end - s), in_sentence):
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


def record_parts(extraction):
    """igfkg's record_parts: the character ranges of a document's records
    and of its report fields' headings, sorted."""
    spans = ([m.span for m in extraction.messages] + [s.span for s in extraction.statements]
             + [p.span for p in extraction.people] + [r.span for r in extraction.roles]
             + [p.span for p in extraction.participation])
    parts = [(span.start, span.end) for span in spans]
    for session in extraction.sessions:
        for f in session.fields:
            parts.append((f.span.start, f.span.start + len(f.span.exact.split("\n")[0])))
    return sorted(parts)


def own_words(span, parts):
    """igfkg's own_words: the ranges of a unit's text no record covers, as
    offsets into its exact text, without those of white space only."""
    own = []
    at = span.start
    first = bisect.bisect_left(parts, (span.start, -1))
    for start, end in parts[first:]:
        if start >= span.end:
            break
        if start > at:
            own.append((at, start))
        at = max(at, end)
    if at < span.end:
        own.append((at, span.end))
    return [(a - span.start, min(b, span.end) - span.start) for a, b in own
            if span.exact[a - span.start:min(b, span.end) - span.start].strip()]
