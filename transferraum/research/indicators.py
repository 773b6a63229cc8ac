"""The accompanying research's outcome indicators (issue 21, point 5): the mean score of the
outcome questions before and after a round's projects (regional attachment in the demo's
study "Regionale Bindung"), registered in the catalogue of `transferraum/indicators`.

Which answers count:
- the wave invites the students of a round (`Wave.Group.ROUND_STUDENTS`);
- it is *before* the projects when its invitations go out before the round's work starts
  (`invite_on < round.work_starts_on`), *after* them when they go out on or after the final
  presentation (`invite_on >= round.presentation_on`); a wave in between, or of a round
  without these dates, is neither;
- the question is an *outcome measure*: the researchers mark it so in the survey builder
  (`Question.is_outcome`, only 5-point Likert questions; not a matrix row);
- the response is completed.

The value is the mean of these answers (1–5, each answer weighs the same), per round (the
wave's), year (the year the wave's invitations go out) and town: a response's town is the town
of the project its invited student works in in the wave's round (`Response.town`, set in SQL
from the person's team when the response starts; the response itself keeps only a pseudonym).
The records behind a figure are the responses counted, shown by pseudonym only, each with its
own mean; their number is the number of people the figure rests on, which decides its
suppression where the public reads it.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Avg, Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import ExtractYear
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy

from transferraum.accounts.types import Viewer
from transferraum.indicators.registry import (
    Indicator,
    Kind,
    RecordRow,
    Unit,
    indicator_register,
)
from transferraum.research.models import Answer, Question, Response, Wave

SURVEYS = gettext_lazy("Surveys of the accompanying research")

BEFORE, AFTER = "before", "after"


def _timed(when: str, prefix: str = "") -> Q:
    """Waves (reached through `prefix`) of a round's students before or after its projects."""
    if when == BEFORE:
        timing = Q(**{f"{prefix}invite_on__lt": F(f"{prefix}round__work_starts_on")})
    else:
        timing = Q(**{f"{prefix}invite_on__gte": F(f"{prefix}round__presentation_on")})
    return Q(**{f"{prefix}group": Wave.Group.ROUND_STUDENTS}) & timing


def outcome_answers(when: str) -> QuerySet[Answer]:
    """The answers an outcome figure is computed over (see the module's rule)."""
    return Answer.objects.filter(
        _timed(when, "response__wave__"),
        question__is_outcome=True,
        question__kind=Question.Kind.LIKERT5,
        item__isnull=True,
        number__isnull=False,
        response__status=Response.Status.COMPLETED,
    )


def _responses(rows: QuerySet[Any]) -> QuerySet[Any]:
    """The responses counted, each with the mean of its counted answers."""
    own_mean = (
        rows.filter(response=OuterRef("pk"))
        .order_by()
        .values("response")
        .annotate(mean=Avg("number"))
        .values("mean")
    )
    return (
        Response.objects.filter(pk__in=rows.values("response"))
        .select_related("wave__study")
        .annotate(outcome_mean=Subquery(own_mean))
        .order_by("pseudonym", "pk")
    )


def _response_row(response: Any, viewer: Viewer) -> RecordRow:
    """A response by its pseudonym only: never a name, never a link to the person."""
    mean = response.outcome_mean
    return RecordRow(
        response.pseudonym,
        "",
        (
            f"{response.wave.study} – {response.wave}",
            date_format(response.wave.invite_on, "SHORT_DATE_FORMAT"),
            "–" if mean is None else number_format(float(mean), decimal_pos=2),
        ),
    )


def _indicator(when: str, **kwargs: Any) -> Indicator:
    return Indicator(
        unit=Unit.MEAN_SCORE,
        kind=Kind.OUTCOME,
        area=SURVEYS,
        rows=lambda: outcome_answers(when),
        town="response__town",
        round="response__wave__round",
        year=ExtractYear("response__wave__invite_on"),
        value=lambda: Avg("number"),
        records=_responses,
        record_row=_response_row,
        record_columns=(
            gettext_lazy("Study and wave"),
            gettext_lazy("Invitations sent"),
            gettext_lazy("Mean score of the response"),
        ),
        counts_people=True,
        people=lambda: Count("response", distinct=True),
        is_count=False,
        **kwargs,
    )


indicator_register(
    _indicator(
        BEFORE,
        key="survey-outcome-before",
        label=gettext_lazy("Survey outcome before the projects (mean score)"),
        definition=gettext_lazy(
            "Mean of the answers (1 to 5) to the outcome questions of the accompanying "
            "research in the survey waves of a round's students whose invitations go out "
            "before the round's work starts, e.g. regional attachment. Outcome questions are "
            "the 5-point Likert questions the researchers marked as outcome measures; only "
            "completed responses count. Per round and year of the wave and per town of the "
            "project the student worked in; responses stay pseudonymous."
        ),
        order=200,
    ),
    _indicator(
        AFTER,
        key="survey-outcome-after",
        label=gettext_lazy("Survey outcome after the projects (mean score)"),
        definition=gettext_lazy(
            "The same mean for the waves whose invitations go out on or after the round's "
            "final presentation: compared with the figure before, it shows what changed."
        ),
        order=210,
    ),
)
