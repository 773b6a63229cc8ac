"""Views of recommendations: the tracker, writing, one recommendation with its steps, and the
transfer dossier. Each module lists its own URL patterns (see ../urls.py)."""
