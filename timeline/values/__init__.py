"""TIMEX3 values: the grammar and its units (timex3), uncertainty ranges (bounds), calendar arithmetic (dates)."""
