"""The exception hierarchy of timeline. Text never raises; bad arguments do."""

from __future__ import annotations


class TimelineError(Exception):
    """Base class of every error timeline raises on purpose."""


class InvalidAnchorError(TimelineError, ValueError):
    """The anchor (publication date) given to the tagger is not a date."""

    def __init__(self, anchor: object, reason: str = "") -> None:
        self.anchor = anchor
        detail = f": {reason}" if reason else ""
        super().__init__(
            f"invalid anchor {anchor!r}: expected an ISO date or datetime "
            f"(e.g. '2024-07-28' or '2024-07-28T09:30:00+09:00'), a date or a datetime{detail}"
        )


class InvalidValueError(TimelineError, ValueError):
    """A string is not a TIMEX3 value of the TimeML 1.2.1 grammar."""

    def __init__(self, value: object) -> None:
        self.value = value
        super().__init__(f"not a TIMEX3 value: {value!r}")


class UnknownOptionError(TimelineError, ValueError):
    """An argument names a domain, format or setting that does not exist."""

    def __init__(self, name: str, given: object, allowed: tuple[str, ...]) -> None:
        self.name, self.given, self.allowed = name, given, allowed
        super().__init__(f"unknown {name} {given!r}: expected one of {', '.join(allowed)}")


class InputFileError(TimelineError, OSError):
    """An input file is missing, unreadable or undecodable."""

    def __init__(self, path: object, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


class TimeMLError(TimelineError, ValueError):
    """A TimeML document is malformed: not XML, no <TEXT>, a TIMEX3 without a valid type."""

    def __init__(self, source: object, reason: str) -> None:
        self.source, self.reason = source, reason
        super().__init__(f"{source}: {reason}")
