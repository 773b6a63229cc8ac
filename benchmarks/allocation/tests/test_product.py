import pytest

from benchmarks.allocation.product import build_round, through_product
from transferraum.projects.models import AllocationRun, Application, Assignment, Choice


@pytest.mark.django_db
def test_a_stored_benchmark_round_goes_through_the_product_to_teams(
    django_capture_on_commit_callbacks,
):
    round, coordinator = build_round(40, 3)
    assert Application.objects.filter(round=round).count() == 40
    assert Choice.objects.filter(application__round=round).exists()

    with django_capture_on_commit_callbacks(execute=True):  # the task runs on commit
        seconds, run = through_product(round, coordinator)
    run.refresh_from_db()

    assert seconds > 0
    assert run.status == AllocationRun.Status.DONE
    assert Assignment.objects.filter(round=round).count() == 40
    assert Assignment.objects.filter(round=round, project__isnull=False).exists()
