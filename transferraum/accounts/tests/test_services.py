import pytest

from transferraum.accounts.services import user_set_language, user_update_profile
from transferraum.core.errors import DomainError
from transferraum.core.models import Activity


@pytest.mark.django_db
def test_unknown_language_is_refused(researcher):
    with pytest.raises(DomainError):
        user_set_language(user=researcher, language="fr")
    researcher.refresh_from_db()
    assert researcher.language == "de"


@pytest.mark.django_db
def test_profile_update_strips_the_name_and_logs_it(researcher):
    user_update_profile(user=researcher, name="  Dr. Jana Krüger-Lange ", language="en")

    researcher.refresh_from_db()
    assert researcher.name == "Dr. Jana Krüger-Lange"
    assert researcher.language == "en"
    assert Activity.objects.filter(actor=researcher, verb="profile.updated").exists()


@pytest.mark.django_db
def test_blank_name_changes_nothing(researcher):
    with pytest.raises(DomainError) as error:
        user_update_profile(user=researcher, name=" ", language="en")

    assert error.value.field == "name"
    researcher.refresh_from_db()
    assert researcher.name == "Dr. Jana Krüger"
    assert researcher.language == "de"
