"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

from hypothesis import strategies as st

from timeline.model import TIMEX_TYPES, Expression

#: characters XML 1.0 can carry, with the ones that need escaping made likely
XML_CHARS = st.one_of(
    st.sampled_from(list("&<>\"'\r\n\t ]")),
    st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32)]))
        + "\ufffe\uffff",
    ),
)
xml_text = st.text(alphabet=XML_CHARS, max_size=60)


@st.composite
def spans(draw: st.DrawFn, length: int, max_spans: int = 6) -> list[tuple[int, int]]:
    """Non-overlapping, non-empty [start, end) spans inside a text of ``length`` characters."""
    if length == 0:
        return []
    cuts = sorted(
        draw(st.sets(st.integers(0, length), max_size=2 * max_spans))
    )
    pairs = list(zip(cuts[::2], cuts[1::2]))
    return [(a, b) for a, b in pairs if a < b]


@st.composite
def text_with_expressions(draw: st.DrawFn) -> tuple[str, list[Expression]]:
    """A text and non-overlapping expressions on it with random types, values and mods."""
    text = draw(xml_text)
    exprs = []
    for a, b in draw(spans(len(text))):
        type_ = draw(st.sampled_from(TIMEX_TYPES))
        set_attr = st.none() | xml_text if type_ == "SET" else st.none()
        exprs.append(
            Expression(
                text=text[a:b],
                start=a,
                end=b,
                type=type_,
                value=draw(xml_text),
                mod=draw(st.none() | st.sampled_from(["START", "END", "APPROX", "LESS_THAN"])),
                quant=draw(set_attr),
                freq=draw(set_attr),
            )
        )
    return text, exprs


@st.composite
def disjoint_expressions(draw: st.DrawFn, length: int = 40) -> list[Expression]:
    """Non-overlapping expressions over a text of ``length`` x's."""
    text = "x" * length
    return [
        Expression(text=text[a:b], start=a, end=b, type="DATE",
                   value=draw(st.sampled_from(["2024", "2025"])))
        for a, b in draw(spans(length))
    ]
