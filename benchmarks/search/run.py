"""Search benchmark: p50 and p95 of the directory search at 100,000 organisations.

`make bench-search` fills the database of `DATABASE_URL` (default: a PostgreSQL database of its
own, see the Makefile) with organisations made of German words through `bulk_create` (only
`search_text` filled, as the data generator does: the database indexes them itself), then runs
the directory's search for a list of words many times and writes p50 and p95 to
docs/benchmarks.md between `<!-- search:start -->` and `<!-- search:end -->`. A request's
search is the page of 20 (best matches first) and the capped count the page shows. Tests never
assert on time; this only writes numbers.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from psycopg import sql

from benchmarks import sections

ROOT = Path(__file__).resolve().parents[2]
SECTION = "search"
SLUG_PREFIX = "bench-search-"
TARGET_P95_MS = 30.0

# The German examples of docs/search.md and a few broad and narrow words.
QUERIES = (
    "Zeitz",
    "Leerstand",
    "Läden",
    "Laeden",
    "eilenburger Verwaltung",
    "Stadtverwaltung",
    "GIS",
    "Geoinformatik",
    "Fertigung",
    "Radweg",
    "Wärmeplanung",
    "Digitalisierung Handwerk",
    "Tischlerei Zeitz",
)

# Words the generated texts are made of: towns, compounds of a modifier and a head (the heads
# also alone), everyday words; drawn with Zipf-like weights, so a few are common, most rare.
TOWNS = ("Eilenburg", "Zeitz", "Delitzsch", "Torgau", "Naumburg", "Weißenfels", "Bad Düben")
MODIFIERS = (  # noqa: SIM905 (a text to read, not a list to edit)
    "Möbel Stadt Laden Holz Metall Wasser Energie Wärme Rad Bus Bahn Daten Bild Haus Dach "
    "Garten Wald Feld Obst Wein Brot Bier Schul Sport Kultur Jugend Senioren Pflege Gesundheit "
    "Touristen Kunden Bürger Gewerbe Industrie Handwerks Bau Straßen Brücken Markt Flächen"
).split()
HEADS = (  # noqa: SIM905
    "fertigung verwaltung leerstand planung beratung entwicklung förderung versorgung technik "
    "handel werkstatt betrieb netz verkehr bau pflege schutz bildung forschung vermarktung "
    "logistik wirtschaft kataster konzept analyse management sanierung gestaltung nutzung "
    "informatik dienst zentrum verein verband messung"
).split()
BASE = (  # noqa: SIM905
    "Leerstand Läden Innenstadt Marktplatz Handwerk Tischlerei Schlosserei Bäckerei Brauerei "
    "Spedition Digitalisierung Software Geoinformatik GIS Kartografie Vermessung Photovoltaik "
    "Radweg Mobilität Nahverkehr Tourismus Gastronomie Hotel Ausbildung Fachkräfte Nachfolge "
    "Gründung Kreislaufwirtschaft Recycling Landwirtschaft Forst Architektur Denkmalpflege "
    "Heimatverein Museum Archiv Bibliothek Wohnungsgenossenschaft Quartier Ehrenamt Inklusion "
    "Beteiligung Klimaschutz Hochwasserschutz Abwasser Breitband Glasfaser Elektromobilität "
    "Ladesäulen Produktion Qualitätssicherung Automatisierung Robotik Sensorik Datenanalyse "
    "Marketing Vertrieb Onlinehandel Region Zukunft Projekt Angebot Bedarf Kunden Partner "
    "unterstützt entwickelt betreibt plant sucht bietet gemeinsam regional nachhaltig modern "
    "und mit für die der das von im in zu auf seit über Jahre Team Mitarbeiter Standort"
).split()
# In a fixed shuffled order, so that the words of the queries are common and rare alike.
VOCABULARY = random.Random(7).sample(  # noqa: S311 (texts, not secrets)
    [*BASE, *(h.capitalize() for h in HEADS), *(f"{m}{h}" for m in MODIFIERS for h in HEADS)],
    k=len(BASE) + len(HEADS) * (len(MODIFIERS) + 1),
)


KINDS = ("company", "association", "town", "university", "other")


# Random texts for a benchmark, not secrets.
def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(VOCABULARY, cum_weights=_CUMULATIVE, k=words))


def _cumulative_weights() -> list[float]:
    total, weights = 0.0, []
    for rank in range(len(VOCABULARY)):
        total += 1 / (rank + 20)
        weights.append(total)
    return weights


_CUMULATIVE = _cumulative_weights()


def load(total: int, *, seed: int = 18) -> int:
    """Bulk-create organisations until `total` generated ones exist; returns how many were new."""
    from transferraum.actors.models import Organisation
    from transferraum.core.search import search_document

    have = Organisation.objects.filter(slug__startswith=SLUG_PREFIX).count()
    rng = random.Random(seed + have)  # noqa: S311 (texts, not secrets)
    kinds = [k for k in KINDS if k in Organisation.Kind.values] or [Organisation.Kind.values[0]]
    batch: list[Organisation] = []
    for n in range(have, total):
        town = rng.choice(TOWNS)
        name = f"{_text(rng, 2)} {town} {n}"
        short = _text(rng, 8)
        description = _text(rng, 40)
        batch.append(
            Organisation(
                name=name,
                slug=f"{SLUG_PREFIX}{n}",
                kind=rng.choice(kinds),
                short_description=short,
                description=description,
                search_text=search_document([name, short, description, town]),
            )
        )
        if len(batch) == 5_000:
            Organisation.objects.bulk_create(batch)
            batch = []
    Organisation.objects.bulk_create(batch)
    return total - have


@dataclass(frozen=True)
class Result:
    query: str
    found: int
    p50: float
    p95: float


def measure(queries: tuple[str, ...], rounds: int) -> list[Result]:
    """Each query `rounds` times as the directory asks it: the page and the capped count."""
    from transferraum.core.pagination import CappedPaginator
    from transferraum.network.directory import DirectoryFilters, directory_organisations

    results = []
    for query in queries:
        times = []
        found = 0
        for _ in range(rounds):
            began = time.perf_counter()
            paginator = CappedPaginator(directory_organisations(DirectoryFilters(query=query)), 20)
            list(paginator.get_page(1).object_list)  # as core.listing asks for it
            found = paginator.counted
            times.append((time.perf_counter() - began) * 1000)
        results.append(
            Result(query, found, statistics.median(times), sections.percentile(times, 0.95))
        )
    return results


def render(
    results: list[Result], *, documents: int, rounds: int, vendor: str, commit: str, day: str
) -> str:
    every = [r.p95 for r in results]
    overall = max(every)
    mark = "✅" if overall <= TARGET_P95_MS else "❌"
    rows = "\n".join(
        f"| {r.query} | {r.found if r.found <= 1000 else 'more than 1,000'} | "
        f"{r.p50:.1f} | {r.p95:.1f} |"
        for r in results
    )
    return (
        f"## Search ({day}, commit {commit})\n\n"
        f"`make bench-search`: the directory's search (page of 20 by rank and the capped count) "
        f"over {documents:,} organisations on {vendor}, each query {rounds} times; "
        f"times in milliseconds in the benchmark process (no HTTP).\n\n"
        f"Slowest query p95: **{overall:.1f} ms** (target ≤ {TARGET_P95_MS:.0f} ms) {mark}\n\n"
        "| query | found | p50 ms | p95 ms |\n| --- | ---: | ---: | ---: |\n" + rows + "\n"
    )


def create_database(url: str) -> None:
    """Create the PostgreSQL database of `url` if it does not exist (SQLite creates itself)."""
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        return
    import psycopg

    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--out", type=Path, help="markdown file to update")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    create_database(os.environ.get("DATABASE_URL", ""))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("load_region", verbosity=0)
    call_command("load_competences", verbosity=0)  # the synonyms a query word expands to
    began = time.perf_counter()
    added = load(args.documents)
    print(f"{added} organisations added in {time.perf_counter() - began:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    measure(QUERIES[:2], 3)  # warm the caches
    results = measure(QUERIES, args.rounds)
    section = render(
        results,
        documents=args.documents,
        rounds=args.rounds,
        vendor=connection.vendor,
        commit=sections.commit(),
        day=sections.today(),
    )
    print(section)
    if args.out:
        sections.write_section(args.out, SECTION, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
