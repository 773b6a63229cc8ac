import factory

from transferraum.accounts.models import RoleRequest, StudyProgramme, User

PASSWORD = "ein-sicheres-Passwort-2026"


class StudyProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StudyProgramme
        django_get_or_create = ("name", "degree")

    name = factory.Sequence(lambda n: f"Studiengang {n}")
    degree = StudyProgramme.Degree.BACHELOR
    faculty = "Fakultät für Physik und Geowissenschaften"


def with_role(default: str | None) -> factory.PostGeneration:
    """The `role` of a user factory: `UserFactory(role=User.Role.STUDENT)` grants one role,
    a subclass sets its default with `role = with_role(User.Role.SUPERVISOR)`; the public role
    grants none."""

    def grant(obj: User, create: bool, extracted: str | None, **kwargs: object) -> None:
        role = extracted if extracted is not None else default
        if create and role:
            obj.grant_role(role)

    return factory.PostGeneration(grant)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@transferraum.example")
    name = factory.Faker("name", locale="de_DE")
    language = "de"

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )

    role = with_role(None)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """`UserFactory(roles=[User.Role.SUPERVISOR, User.Role.RESEARCHER])`: several roles."""
        for role in extracted or ():
            if create:
                self.grant_role(role)


class RoleRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleRequest

    user = factory.SubFactory(UserFactory)
    role = User.Role.SUPERVISOR
    note = "Ich betreue Seminare am Institut für Geographie."
