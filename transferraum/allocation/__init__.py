"""Allocation of students to practice projects: a pure Python engine (no Django imports).

``allocate(instance)`` takes an ``Instance`` and returns a ``Result``; ``io`` converts both
from and to JSON, ``explain.counterfactual`` answers "what if I had got this place?".
See docs/allocation.md.
"""
