"""Running at scale: many documents in processes (parallel), on Dask (dask), as a pandas frame (frame)."""
