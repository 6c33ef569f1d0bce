"""Hypothesis profiles for the whole suite.

- ``default``: what ``make test`` runs on a workstation (a few seconds per property).
- ``dev``: many more examples, to hunt for bugs: ``HYPOTHESIS_PROFILE=dev make test``.
- ``ci``: chosen automatically when ``CI=true``; derandomized so a CI run is repeatable,
  and bounded so the whole suite stays well under ten minutes on two cores.

No profile has a per-example deadline: timing belongs in ``benchmarks/``, not in tests.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}

settings.register_profile("default", max_examples=100, **_COMMON)
settings.register_profile("dev", max_examples=1000, **_COMMON)
settings.register_profile("ci", max_examples=200, derandomize=True, print_blob=True, **_COMMON)

_chosen = os.environ.get("HYPOTHESIS_PROFILE") or (
    "ci" if os.environ.get("CI", "").lower() in ("true", "1") else "default"
)
settings.load_profile(_chosen)
