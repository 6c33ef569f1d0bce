"""Skip the doctests of the optional extras (pandas, dask, spacy) when they are not installed."""

import importlib.util

collect_ignore = [
    path
    for path, needs in (("timeline/scale/frame.py", ("pandas",)), ("timeline/scale/dask.py", ("pandas", "dask", "distributed")),
                        ("timeline/spacy_component.py", ("spacy",)))
    if any(importlib.util.find_spec(name) is None for name in needs)
]
