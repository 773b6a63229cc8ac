"""Benchmarks run by `make bench`; each writes its section of docs/benchmarks.md."""
