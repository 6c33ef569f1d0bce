"""The tagging stage: text -> expressions (extract, rank, interpret, direction, discourse, resolve)."""
