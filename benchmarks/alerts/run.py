"""Alert benchmark: the daily alert run of the opportunities' saved searches.

`make bench-alerts` fills the database of `DATABASE_URL` (default: a PostgreSQL database of its
own, see the Makefile) with 20,000 saved searches of 10,000 people (two each, overlapping:
kind, town, district, pay, start, competence and search words mixed) and 500 items published
since the searches were saved, through `bulk_create`; then times `alerts.alerts_send` (the
match in one SQL query, the sent items recorded, the searches' last run) and counts its
queries, and times the e-mail of one person (`alert_digest_mail`) on a sample. The section
`<!-- alerts:start -->` … `<!-- alerts:end -->` of docs/benchmarks.md gets the numbers. Tests
never assert on time; this only writes numbers.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

from benchmarks import sections
from benchmarks.search.run import create_database

ROOT = Path(__file__).resolve().parents[2]
SECTION = "alerts"
PREFIX = "bench-alerts-"
TARGET_SECONDS = 30.0
KINDS = ("job", "internship", "working_student", "thesis", "flat", "room", "voluntary")
WORDS = ("Praktikum", "Metallbau", "Software", "Wohnung", "Stadtplanung", "Logistik", "Solar")


def load(searches: int, items: int, *, seed: int = 22) -> tuple[int, int]:
    """Remove an earlier run's rows, then add people, their searches and the new items."""
    from django.utils import timezone

    from transferraum.accounts.models import User
    from transferraum.actors.models import Competence, Organisation
    from transferraum.core.search import query_stems, search_document
    from transferraum.opportunities.models import Opportunity, SavedSearch, SentItem
    from transferraum.regions.models import Municipality

    rng = random.Random(seed)  # noqa: S311 (test data, not secrets)
    # The benchmark's own rows, without Django's collector (hundreds of thousands of them).
    SentItem.objects.filter(user__email__startswith=PREFIX)._raw_delete(SentItem.objects.db)
    SavedSearch.objects.filter(user__email__startswith=PREFIX)._raw_delete(SavedSearch.objects.db)
    through = Opportunity.competences.through
    through.objects.filter(opportunity__organisation__slug__startswith=PREFIX)._raw_delete(
        through.objects.db
    )
    Opportunity.objects.filter(organisation__slug__startswith=PREFIX)._raw_delete(
        Opportunity.objects.db
    )
    organisation, _ = Organisation.objects.get_or_create(
        slug=f"{PREFIX}org", defaults={"name": "Bench GmbH", "kind": "company"}
    )
    towns = list(
        Municipality.objects.filter(district__key__in=("14730", "15084")).only(
            "pk", "district", "population"
        )
    )
    competences = list(Competence.objects.all()[:30])
    now = timezone.now()
    saved_at = now - timedelta(days=1)
    # People stay from an earlier run (deleting them would walk every app's relations).
    people = list(User.objects.filter(email__startswith=PREFIX).order_by("pk"))
    people += User.objects.bulk_create(
        [
            User(email=f"{PREFIX}{n}@example.org", name=f"Person {n}")
            for n in range(len(people), searches // 2)
        ],
        batch_size=2000,
    )
    # Items sit in the ten largest towns; every search names a kind and one narrower filter
    # (a town most often, then words, a competence, a district, pay or a start), as people
    # save them: a few matching items a day, many overlapping across one person's searches.
    main_towns = sorted(towns, key=lambda town: -town.population)[:10]
    filters = ("town",) * 35 + ("words",) * 25 + ("competence",) * 15
    filters += ("district",) * 10 + ("pay",) * 10 + ("start",) * 5
    rows = []
    for number in range(searches):
        person = people[number % len(people)]
        town = rng.choice(main_towns)
        which = rng.choice(filters)
        rows.append(
            SavedSearch(
                user=person,
                name=f"Suche {number}",
                frequency="daily" if number % 3 else "weekly",
                kind=rng.choice(KINDS),
                municipality=town if which == "town" else None,
                district=town.district if which == "district" else None,
                pay_min_cents=rng.choice((50000, 100000, 200000)) if which == "pay" else None,
                start_by_days=rng.choice((30, 90, 180)) if which == "start" else None,
                competence=rng.choice(competences) if which == "competence" else None,
                stem1=query_stems(rng.choice(WORDS))[0] if which == "words" else "",
                created_at=saved_at,
            )
        )
    SavedSearch.objects.bulk_create(rows, batch_size=2000)
    today = timezone.localdate()
    new = []
    for number in range(items):
        town = rng.choice(main_towns)
        title = f"{rng.choice(WORDS)} {number}"
        low = rng.choice((None, 40000, 80000, 150000))
        new.append(
            Opportunity(
                organisation=organisation,
                kind=rng.choice(KINDS),
                title=title,
                municipality=town,
                status="published",
                published_at=now - timedelta(hours=rng.randint(1, 20)),
                expires_on=today + timedelta(days=60),
                start_date=today + timedelta(days=rng.randint(0, 200)),
                pay_min_cents=low,
                pay_max_cents=None if low is None else low + 50000,
                search_text=search_document([title, "Bench GmbH"]),
            )
        )
    created = Opportunity.objects.bulk_create(new, batch_size=500)
    through.objects.bulk_create(
        [
            through(opportunity_id=item.pk, competence_id=rng.choice(competences).pk)
            for item in created
            if competences
        ]
    )
    return len(rows), len(created)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--searches", type=int, default=20_000)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--out", type=Path, help="markdown file to update")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    create_database(os.environ.get("DATABASE_URL", ""))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from transferraum.notifications.services import notifications_suppressed
    from transferraum.opportunities.alerts import alert_digest_mail, alerts_send
    from transferraum.opportunities.models import SentItem

    call_command("migrate", verbosity=0)
    call_command("load_region", verbosity=0)
    call_command("load_competences", verbosity=0)
    searches, items = load(args.searches, args.items)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    began = time.perf_counter()
    with notifications_suppressed(), CaptureQueriesContext(connection) as queries:
        report = alerts_send()
    seconds = time.perf_counter() - began
    # One person's e-mail (the task each person's digest runs), on a sample of 50 people.
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sample = list(
        SentItem.objects.filter(user__email__startswith="bench-alerts-")
        .values_list("user_id", flat=True)
        .distinct()[:50]
    )
    mails = []
    for user_id in sample:
        ids = list(
            SentItem.objects.filter(user_id=user_id).values_list("opportunity_id", flat=True)
        )
        start = time.perf_counter()
        alert_digest_mail(user_id=user_id, opportunity_ids=ids)
        mails.append((time.perf_counter() - start) * 1000)
    mail_ms = statistics.median(mails) if mails else 0.0
    verdict = "within" if seconds < TARGET_SECONDS else "ABOVE"
    section = f"""## Alerts of saved searches (`make bench-alerts`)

Measured {sections.measured()}, {connection.vendor}, {sections.machine_load()}.

| what | value |
| --- | --- |
| saved searches (daily and weekly, of {searches // 2:,} people) | {searches:,} |
| new items | {items:,} |
| searches due | {report.searches:,} |
| pairs of person and item sent (each at most once) | {report.items:,} |
| people with a digest | {report.people:,} |
| time of the match and the record (`alerts_send`) | {seconds:.2f} s ({verdict} the target of {TARGET_SECONDS:.0f} s) |
| queries of the run | {len(queries.captured_queries)} (the match is one query) |
| one person's e-mail (`alert_digest_mail`, median of {len(mails)}) | {mail_ms:.1f} ms |

The e-mails are one task per person after the commit, so the run's time does not grow with
the mails; the workers send them in parallel.
"""  # noqa: E501
    print(section)
    if args.out:
        sections.write_section(args.out, SECTION, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
