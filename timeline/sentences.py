"""Sentences: where they begin and end in a text. One splitter for every stage that needs
one (events cut their text from it; exports without events show the sentence around an
expression). Abbreviations live in ``lexicon/en/events.toml`` (``event_abbreviation``).

>>> t = "It rained. On Sunday, the talks began. Then?"
>>> [t[s:e] for s, e in sentences(t)]
['It rained.', 'On Sunday, the talks began.', 'Then?']
>>> t[slice(*sentence_span(t, 14, 20))]
'On Sunday, the talks began.'
"""

from __future__ import annotations

import bisect
import functools
import re
from array import array
from collections.abc import Iterator

from .lexicon import load

__all__ = ["REACH", "abbreviations", "sentences", "whole_text_sentences", "sentence_span", "trim", "is_complete"]

#: how far ``sentence_span`` looks on each side of the span for the sentence's ends
REACH = 600

_END = re.compile(r"[.!?]+[\"'”’)\]]*")
_OPENERS = "\"'“‘”’(["
_WORD_CHARS = frozenset(".’'-_")
_NEXT = re.compile(r"\s*(\S{0,2})")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?$")
_CLOSERS = "\"'”’)]"
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
#: informal text (tweets, chat): a line break ends a sentence, and so does a run of emoji or
#: an emoticon (":)", ";-P", ":D") -- which stays with the sentence it closes
_INFORMAL_BREAK = re.compile(
    r"\n"
    r"|[\U0001F000-\U0001FAFF\u2600-\u27BF][\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D\U0001F3FB-\U0001F3FF]*"
    r"|(?<!\S)[:;=][-']?[()DPpOo3\[\]|*]+(?![\w(])"
)


@functools.cache
def abbreviations() -> tuple[str, ...]:
    """The words (lower case, no period) after which a period ends no sentence."""
    return tuple(k.lower() for k in load("en")["event_abbreviation"].entries)


@functools.cache
def _abbreviation_set() -> frozenset[str]:
    return frozenset(abbreviations())


@functools.cache
def _openers() -> frozenset[str]:
    """Words that begin a sentence after an abbreviation (lower case)."""
    return frozenset(k.lower() for k in load("en")["sentence_opener"].entries)


_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]?([A-Za-z]+)\b")


def _opens_sentence(text: str, at: int) -> bool:
    """The word after ``at`` is one that begins sentences ("The", "He", "In"), with a capital."""
    m = _NEXT_WORD.match(text, at)
    return m is not None and m.group(1)[0].isupper() and m.group(1).lower() in _openers()


def _word_before(text: str, end: int) -> str:
    """The run of word characters, periods, apostrophes and hyphens ending at ``end``."""
    i = end
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in _WORD_CHARS):
        i -= 1
    return text[i:end]


def _is_abbreviation(word: str) -> bool:
    w = word.rstrip(".")
    if not w:
        return False
    if _ACRONYM.fullmatch(word if word.endswith(".") else word + ".") and "." in w:
        return True  # U.S, U.K, a.m
    if len(w) == 1 and w.isalpha():
        return True  # an initial
    return w.lower() in _abbreviation_set()


def sentences(text: str, informal: bool = False) -> tuple[tuple[int, int], ...]:
    """Sentence spans ``(start, end)`` of ``text``, whitespace trimmed.

    Breaks at blank lines and after ``.!?`` (and closing quotes) followed by a capital,
    digit or opening quote, with or without a space (run-on text such as
    ``challenge.”Japan``), but not after abbreviations ("Mr.", "Jan.", "U.S.") unless a word
    that begins sentences follows ("at 8 p.m. The count began", lexicon ``sentence_opener``).
    ``informal`` (tweets, chat: the colloquial domain) also breaks at every line break,
    after ``.!?`` followed by a lowercase word, and after emoji and emoticons.

    >>> t = 'Mr. Kihara met Mr. Austin on Jan. 6 in the U.S. capital.”Japan agreed. Done'
    >>> [t[s:e] for s, e in sentences(t)]
    ['Mr. Kihara met Mr. Austin on Jan. 6 in the U.S. capital.”', 'Japan agreed.', 'Done']
    >>> t = "Polls closed at 8 p.m. The count began at 9 a.m. Monday in the U.S. Army's base."
    >>> [t[s:e] for s, e in sentences(t)]
    ['Polls closed at 8 p.m.', "The count began at 9 a.m. Monday in the U.S. Army's base."]
    >>> t = "The plant opens on Mon.. The minister left."
    >>> [t[s:e] for s, e in sentences(t)]
    ['The plant opens on Mon..', 'The minister left.']
    >>> t = "omg the final was crazy!! see u sat \U0001F389\U0001F389 party at 9pm :) bring snacks\\nback tmrw"
    >>> [t[s:e] for s, e in sentences(t, informal=True)]
    ['omg the final was crazy!!', 'see u sat \U0001F389\U0001F389', 'party at 9pm :)', 'bring snacks', 'back tmrw']
    """
    cuts = [0]
    if "\n" in text:
        for para in _PARAGRAPH.finditer(text):
            cuts.append(para.start())
            cuts.append(para.end())
    if informal:
        cuts.extend(m.end() for m in _INFORMAL_BREAK.finditer(text))
    n = len(text)
    for m in _END.finditer(text):
        end = m.end()
        if end == n:
            continue
        c = text[end]
        spaced = c.isspace()
        if spaced:
            nxt = _NEXT.match(text, end).group(1)  # type: ignore[union-attr]
            if not nxt:
                continue
        else:
            nxt = text[end : end + 2]
        first = nxt[1] if nxt[0] in _OPENERS and len(nxt) > 1 else nxt[0]
        if not (first.isupper() or (spaced and (first.isdigit() or (informal and first.islower())))):
            continue
        start = m.start()
        word = _word_before(text, start + 1)
        if text[start] == "." and text[start + 1 : start + 2] != "." and _is_abbreviation(word):
            if not (spaced and _opens_sentence(text, end)):
                continue  # "Mr. Kihara", "9 a.m. Monday"; but "at 8 p.m. The count began"
        if not spaced:
            # "7.2", "U.S.Army" are no breaks: a run-on break needs a word, then "Xx"
            head = text[end + 1 : end + 3] if c in _OPENERS else text[end : end + 2]
            if len(word.rstrip(".")) < 2 or len(head) < 2 or not head[1].islower():
                continue
        cuts.append(end)
    cuts.append(n)
    cuts.sort()
    out = []
    for a, b in zip(cuts, cuts[1:]):
        s, e = trim(text, a, b)
        if e > s:
            out.append((s, e))
    return tuple(out)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the whitespace at either end (empty: ``(start, start)``).

    >>> trim("  Talks ended.  ", 0, 16)
    (2, 14)
    """
    while start < end and text[start].isspace():
        start += 1
    if start == end:
        return start, start
    while text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_span(
    text: str, start: int, end: int, reach: int = REACH, informal: bool = False
) -> tuple[int, int]:
    """``[s, e)`` of the sentence of ``text`` that holds ``text[start:end]`` (of all the
    sentences it touches). Only ``reach`` characters either side are looked at: a
    sentence longer than that is cut at a word. ``informal``: split as ``sentences`` does
    for tweets and chat.

    >>> t = "Mr. Kihara met U.S. officials on Sunday. Then?"
    >>> t[slice(*sentence_span(t, 33, 39))]
    'Mr. Kihara met U.S. officials on Sunday.'
    """
    lo = max(0, start - reach)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    hi = min(len(text), end + reach)
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    starts, ends = _split(text, informal)
    # the sentences that touch the span, read in place: a slice would copy the rest of the
    # text's sentences for every expression (quadratic on a long text)
    i = max(0, bisect.bisect_right(starts, start) - 1)
    stop = max(end, start + 1)
    first = last = None
    for j in range(i, len(starts)):
        s, e = starts[j], ends[j]
        if s >= stop:
            break
        if e > start:
            if first is None:
                first = max(s, lo)
            last = min(e, hi)
    if first is None or last is None:
        return start, end
    return first, last


def whole_text_sentences(text: str, informal: bool = False) -> Iterator[tuple[int, int]]:
    """The spans of ``sentences(text)`` in text order, split once for the tagger and the
    events of one document."""
    starts, ends = _split(text, informal)
    return zip(starts, ends)


@functools.lru_cache(maxsize=4)
def _split(text: str, informal: bool) -> tuple[array[int], array[int]]:
    """Where the sentences of a whole text start and end, split once and kept for the few
    texts being read (``sentence_span`` is asked about every expression of a document), in
    two arrays: a few bytes per sentence, not a tuple and two numbers."""
    spans = sentences(text, informal)
    return array("q", (s for s, _ in spans)), array("q", (e for _, e in spans))


def is_complete(sentence: str) -> bool:
    """True when ``sentence`` ends with ``.``, ``!`` or ``?`` (closing quotes allowed).

    >>> is_complete('He said “no.”'), is_complete("Earlier Sunday, the")
    (True, False)
    """
    i = len(sentence)  # read from the end: the cost must not grow with the sentence
    while i and sentence[i - 1].isspace():
        i -= 1
    while i and sentence[i - 1] in _CLOSERS:
        i -= 1
    return i > 0 and sentence[i - 1] in ".!?"
