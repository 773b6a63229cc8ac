"""Loading the starter vocabulary of competences into the database.

The vocabulary itself (twelve categories, the terms beneath them and their synonyms) lives in
`transferraum.actors.data.vocabulary`, the one place to change it; `manage.py load_competences`
and `manage.py demo` load it through `competences_load_starter`.
"""

from __future__ import annotations

from django.db import transaction

from transferraum.actors.data.vocabulary import STARTER_VOCABULARY, Category, Term
from transferraum.actors.models import Competence

__all__ = ["STARTER_VOCABULARY", "Category", "Term", "competences_load_starter", "starter_terms"]


def starter_terms() -> list[tuple[Term, str | None]]:
    """Every starter term with the slug of its category (None for a category), parents first."""
    categories: list[tuple[Term, str | None]] = [(c.term, None) for c in STARTER_VOCABULARY]
    children = [(t, c.term.slug) for c in STARTER_VOCABULARY for t in c.competences]
    return categories + children


@transaction.atomic
def competences_load_starter() -> int:
    """Create the starter vocabulary's missing competences; the curated vocabulary wins.

    Rules: competences are matched by slug; a missing one is created as approved; an existing
    one keeps the labels and category coordinators gave it and only gains starter synonyms it
    lacks (merged suggestions stay synonyms); nothing is deleted. It runs at every deployment
    (`make prepare`), so it must never undo curation. Returns the number created.
    """
    terms = starter_terms()
    existing = {
        c.slug: c for c in Competence.objects.filter(slug__in=[term.slug for term, _p in terms])
    }
    created = 0
    changed: list[Competence] = []
    # Categories come first in `terms`, so a child's parent is always in `existing` by then.
    for term, parent_slug in terms:
        competence = existing.get(term.slug)
        if competence is None:
            existing[term.slug] = Competence.objects.create(
                slug=term.slug,
                status=Competence.Status.APPROVED,
                label_de=term.label_de,
                label_en=term.label_en,
                synonyms="\n".join(term.synonyms),
                parent_id=existing[parent_slug].pk if parent_slug is not None else None,
            )
            created += 1
            continue
        missing = [s for s in term.synonyms if s not in competence.synonym_list]
        if missing:
            competence.synonyms = "\n".join([*competence.synonym_list, *missing])
            changed.append(competence)
    if changed:
        Competence.objects.bulk_update(changed, ["synonyms"])
    return created
