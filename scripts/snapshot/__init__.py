"""The price-snapshot builder (see scripts/build-snapshot.py)."""
