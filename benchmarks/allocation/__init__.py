"""Allocation benchmark: our engine against the tools peers use, on generated rounds."""
