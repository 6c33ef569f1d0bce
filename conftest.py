"""Skip the doctests of the optional extras (pandas, dask) when they are not installed."""

import importlib.util

collect_ignore = [
    path
    for path, needs in (("timeline/frame.py", ("pandas",)), ("timeline/dask.py", ("pandas", "dask", "distributed")))
    if any(importlib.util.find_spec(name) is None for name in needs)
]
