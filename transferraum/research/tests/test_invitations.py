"""The survey invitation is transactional: its personal link is e-mailed at once, whatever the
person chose for the kind (digest or only in the platform), and the kind is not offered on the
preferences page."""

from __future__ import annotations

import pytest
from django.core import mail

from transferraum.notifications.kinds import kinds_for
from transferraum.notifications.models import Delivery, Notification, Preference
from transferraum.projects.tests.factories import ProjectFactory, RoundFactory, place
from transferraum.research.notification_kinds import SURVEY_INVITATION
from transferraum.research.services import studies
from transferraum.research.tests.factories import study_make, survey_make, wave_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_with_students(student_geography):
    round = RoundFactory()
    place(student_geography, ProjectFactory(round=round))
    return round


@pytest.fixture
def study(researcher):
    return study_make(researcher)


@pytest.fixture
def survey(researcher, study):
    return survey_make(researcher, study)


@pytest.mark.parametrize("delivery", [Delivery.DIGEST, Delivery.PLATFORM])
def test_the_personal_link_is_mailed_at_once_whatever_the_preference(
    researcher,
    study,
    survey,
    round_with_students,
    student_geography,
    delivery,
    django_capture_on_commit_callbacks,
):
    Preference.objects.create(user=student_geography, kind=SURVEY_INVITATION.key, delivery=delivery)
    wave = wave_make(researcher, study, survey, round=round_with_students)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        studies.wave_open(actor=researcher, wave=wave)
    sent = [m for m in mail.outbox if student_geography.email in m.to]
    assert len(sent) == 1
    assert "/befragung/" in sent[0].body
    assert "List-Unsubscribe" not in sent[0].extra_headers
    notification = Notification.objects.get(recipient=student_geography)
    assert notification.email == Notification.Email.SENT
    # the one reminder too
    with django_capture_on_commit_callbacks(execute=True):
        studies.wave_remind(actor=researcher, wave=wave)
    sent = [m for m in mail.outbox if student_geography.email in m.to]
    assert len(sent) == 2 and "/befragung/" in sent[1].body
    assert not Notification.objects.for_digest().exists()
    assert set(Notification.objects.values_list("email", flat=True)) == {"sent"}


def test_the_invitation_kind_is_not_offered_on_the_preferences_page(student_geography):
    assert SURVEY_INVITATION.transactional
    assert SURVEY_INVITATION.key not in {kind.key for kind in kinds_for(student_geography)}
