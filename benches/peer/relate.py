"""Cross-year relations by igfkg's rules (crates/relate): message lineage
(echoes) and theme alignment, over TF-IDF vectors of stemmed terms without
stop words."""

import heapq
import math
import unicodedata

import regex as re
import snowballstemmer
import stopwordsiso

from parse import keyed

_NOT_ALNUM = re.compile(r"[^\p{Alphabetic}\p{N}]+")


class Analyzer:
    def __init__(self):
        self.stop_words = stopwordsiso.stopwords("en")
        self.stemmer = snowballstemmer.stemmer("english")
        self.stems = {}

    def words(self, text):
        """The words of a text, lower-cased and without accents."""
        folded = "".join(c for c in unicodedata.normalize("NFKD", text)
                         if not unicodedata.category(c).startswith("M")).lower()
        return [w for w in _NOT_ALNUM.split(folded) if w]

    def terms_of(self, words):
        stems = []
        for word in words:
            if len(word) < 3 or (word.isascii() and word.isdigit()) or word in self.stop_words:
                continue
            stem = self.stems.get(word)
            if stem is None:
                stem = self.stems[word] = self.stemmer.stemWord(word)
            stems.append(stem)
        return stems

    def split_compounds(self, texts):
        """igfkg's Analyzer::split_compounds: a word the corpus also writes
        as two words of at least three letters, in that order, is split
        ("netneutrality" → "net neutrality"); where two pairs make one word,
        the first pair in order wins."""
        vocabulary = {w for words in texts for w in words}
        candidates = {}
        for word in vocabulary:
            if not word.isascii() or len(word) < 6:
                continue
            for at in range(3, len(word) - 3 + 1):
                head, tail = word[:at], word[at:]
                if head in vocabulary and tail in vocabulary:
                    candidates.setdefault((head, tail), []).append(word)
        splits = {}
        for words in texts:
            for pair in zip(words, words[1:]):
                for word in candidates.get(pair, ()):
                    known = splits.get(word)
                    if known is None or pair < known:
                        splits[word] = pair
        if not splits:
            return texts
        return [[part for w in words for part in splits.get(w, (w,))] for words in texts]


def vectors(analyzer, texts):
    """Unit-length TF-IDF vectors, each a list of (term id, weight) in term
    order."""
    words = analyzer.split_compounds([analyzer.words(t) for t in texts])
    analysed = [analyzer.terms_of(w) for w in words]
    frequency = {}
    for terms in analysed:
        for stem in set(terms):
            frequency[stem] = frequency.get(stem, 0) + 1
    stems = sorted(frequency)
    ids = {s: i for i, s in enumerate(stems)}
    n = len(texts)
    idf = [1.0 + math.log((n + 1.0) / (frequency[s] + 1.0)) for s in stems]
    out = []
    for terms in analysed:
        counts = {}
        for stem in terms:
            counts[ids[stem]] = counts.get(ids[stem], 0) + 1
        vector = [(i, (1.0 + math.log(tf)) * idf[i]) for i, tf in sorted(counts.items())]
        norm = math.sqrt(sum(w * w for _, w in vector))
        if norm > 0.0:
            vector = [(i, w / norm) for i, w in vector]
        out.append(vector)
    return out, len(stems)


def cosine(a, b):
    b = dict(b)
    dot = 0.0
    for i, w in a:
        other = b.get(i)
        if other is not None:
            dot += w * other
    return dot


def lineage(items, threshold=0.2, top_k=3, text_weight=0.7, query_terms=24, candidates=64,
            max_postings=1000):
    """items: (id, year, text, sorted topics). Returns echoes as dicts."""
    vecs, n_stems = vectors(Analyzer(), [text for _, _, text, _ in items])
    order = sorted(range(len(items)), key=lambda i: (items[i][1], i))
    postings = [[] for _ in range(n_stems)]
    for i in order:
        for term, weight in vecs[i]:
            postings[term].append((i, weight))
    years = [[items[other][1] for other, _ in p] for p in postings]
    dicts = [dict(v) for v in vecs]
    echoes = []
    for i, (id_, year, _, topics) in enumerate(items):
        query = sorted(vecs[i], key=lambda tw: (-tw[1], tw[0]))[:query_terms]
        scores = {}
        for term, weight in query:
            earlier = _partition(years[term], year)
            for other, other_weight in reversed(postings[term][max(0, earlier - max_postings):earlier]):
                scores[other] = scores.get(other, 0.0) + weight * other_weight
        best = heapq.nsmallest(candidates, scores.items(), key=lambda cs: (-cs[1], cs[0]))
        topic_set = set(topics)
        scored = []
        for other, _ in best:
            text_score = 0.0
            mine = dicts[other]
            for term, weight in vecs[i]:
                w = mine.get(term)
                if w is not None:
                    text_score += weight * w
            theirs = items[other][3]
            shared = sum(1 for t in theirs if t in topic_set)
            union = len(topics) + len(theirs) - shared
            topic_score = shared / union if union else 0.0
            score = text_weight * text_score + (1.0 - text_weight) * topic_score
            if score >= threshold and text_score > 0.0:
                scored.append((score, text_score, topic_score, items[other][0]))
        scored.sort(key=lambda s: (-s[0], s[3]))
        for rank, (score, text_score, topic_score, earlier) in enumerate(scored[:top_k], 1):
            echoes.append({"id": keyed("echo", id_, earlier), "later": id_, "earlier": earlier,
                           "rank": rank, "score": score, "text_score": text_score,
                           "topic_score": topic_score})
    return echoes


def _partition(years, year):
    """How many entries of a year-sorted list are of years before `year`."""
    lo, hi = 0, len(years)
    while lo < hi:
        mid = (lo + hi) // 2
        if years[mid] < year:
            lo = mid + 1
        else:
            hi = mid
    return lo


def align(units, close=0.4, related=0.25, text_weight=0.4, topic_weight=0.3, per_year=2, per_unit=6):
    """units: (id, year, text, topic counts, sorted title topics)."""
    vecs, _ = vectors(Analyzer(), [u[2] for u in units])
    frequency = {}
    for unit in units:
        for topic in unit[3]:
            frequency[topic] = frequency.get(topic, 0) + 1
    n = float(len(units))
    topic_vectors = []
    for unit in units:
        vector = {t: (1.0 + math.log(c)) * math.log(n / frequency[t]) for t, c in sorted(unit[3].items())}
        norm = math.sqrt(sum(w * w for w in vector.values()))
        if norm > 0.0:
            vector = {t: w / norm for t, w in vector.items()}
        topic_vectors.append(vector)
    alignments = []
    for i, later in enumerate(units):
        by_year = {}
        for j, earlier in enumerate(units):
            if earlier[1] >= later[1]:
                continue
            text_score = cosine(vecs[i], vecs[j])
            topic_score = 0.0
            for t, w in topic_vectors[i].items():
                other = topic_vectors[j].get(t)
                if other is not None:
                    topic_score += w * other
            shared = sum(1 for t in later[4] if t in earlier[4])
            union = len(later[4]) + len(earlier[4]) - shared
            title_score = shared / union if union else 0.0
            score = (text_weight * text_score + topic_weight * topic_score
                     + (1.0 - text_weight - topic_weight) * title_score)
            if score >= related:
                by_year.setdefault(earlier[1], []).append((score, text_score, topic_score, title_score, earlier[0]))
        kept = []
        for year in sorted(by_year):
            kept += sorted(by_year[year], key=lambda c: (-c[0], c[4]))[:per_year]
        kept = sorted(kept, key=lambda c: (-c[0], c[4]))[:per_unit]
        for score, text_score, topic_score, title_score, earlier in kept:
            alignments.append({"id": keyed("alignment", later[0], earlier), "later": later[0],
                               "earlier": earlier, "close": score >= close, "score": score,
                               "text_score": text_score, "topic_score": topic_score,
                               "title_score": title_score})
    return alignments
