"""Accompanying research: studies with versioned consent texts, surveys in versions, waves that
invite a group, and pseudonymised responses.

Answers never point at a person: a `Response` carries the participant's pseudonym in the study
(`research.pseudonyms`), and only the `Invitation` (which researchers never see) knows whom it
was sent to. One `Answer` row holds one answer to one question (one row of a matrix), with the
survey version fixed by its question, so a long export is a plain join and a wide one a pivot on
`Question.code`, the variable name that stays the same across versions.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from transferraum.core.models import (
    ConsentRecordBase,
    ConsentText,
    TimeStampedModel,
    Versioned,
    in_language,
)
from transferraum.core.tokens import HASH_LENGTH


class Study(TimeStampedModel):
    """A research question answered with surveys over waves; its researchers are its members.

    `key_id` names the study's pseudonym key: the key itself is derived from the settings
    (`research.pseudonyms.study_key`) and never stored."""

    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"))
    legal_basis = models.TextField(_("legal basis"))
    retention_months = models.PositiveSmallIntegerField(
        _("retention period (months)"),
        help_text=_("How long answers are kept after the study's last wave closed."),
    )
    key_id = models.CharField(_("pseudonym key"), max_length=40, unique=True, editable=False)
    researchers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("researchers"), related_name="studies"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("study")
        verbose_name_plural = _("studies")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("research:study", kwargs={"pk": self.pk})


class ConsentVersion(ConsentText):
    """One version of a study's consent text (`core.models.ConsentText`). It says what happens
    to the answers when a participant withdraws."""

    class OnWithdrawal(models.TextChoices):
        ERASE = "erase", _("Answers are erased")
        KEEP = "keep", _("Answers given so far are kept (pseudonymised)")

    study = models.ForeignKey(
        Study, verbose_name=_("study"), on_delete=models.CASCADE, related_name="consent_versions"
    )
    on_withdrawal = models.CharField(
        _("on withdrawal"), max_length=10, choices=OnWithdrawal.choices
    )

    class Meta:
        ordering = ["study", "-number"]
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        constraints = [
            models.UniqueConstraint(fields=["study", "number"], name="unique_consent_version")
        ]

    def __str__(self) -> str:
        return f"{self.study} – {self.number}"


class ConsentRecord(ConsentRecordBase):
    """Append-only (`core.models.ConsentRecordBase`): a person gave or withdrew consent to a
    study, under which text, when."""

    study = models.ForeignKey(
        Study, verbose_name=_("study"), on_delete=models.CASCADE, related_name="consents"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="research_consents",
    )
    consent_version = models.ForeignKey(
        ConsentVersion, verbose_name=_("consent text"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["study", "person", "at", "pk"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self) -> str:
        return f"{self.study} – {self.get_action_display()}"


class Survey(TimeStampedModel):
    """A questionnaire of a study; its questions live in versions (`SurveyVersion`)."""

    study = models.ForeignKey(
        Study, verbose_name=_("study"), on_delete=models.CASCADE, related_name="surveys"
    )
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)

    class Meta:
        ordering = ["study", "title_de"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self, "title")

    def get_absolute_url(self) -> str:
        return reverse("research:survey", kwargs={"pk": self.pk})


class SurveyVersion(models.Model):
    """The questions of a survey as they were asked. Once a version has answers, the meaning of
    its questions is fixed: a change goes into the next version."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["survey", "number"]
        verbose_name = _("survey version")
        verbose_name_plural = _("survey versions")
        constraints = [
            models.UniqueConstraint(fields=["survey", "number"], name="unique_survey_version")
        ]

    def __str__(self) -> str:
        return f"{self.survey} (v{self.number})"

    def has_answers(self) -> bool:
        return Response.objects.filter(survey_version=self).exists()


class Page(models.Model):
    """One screen of a survey; shown only when its condition holds (empty: always)."""

    version = models.ForeignKey(
        SurveyVersion, verbose_name=_("version"), on_delete=models.CASCADE, related_name="pages"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    condition = models.JSONField(_("shown only if"), default=dict, blank=True)

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="unique_page_position")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self, "title")

    @property
    def condition_text(self) -> str:
        from transferraum.research.conditions import describe

        return describe(self.condition)


class Question(Versioned, models.Model):
    """A question on a page. `code` is the variable name in exports, kept across versions.

    Two researchers may edit the same question at once: `version` (core.versions) keeps the
    second save from overwriting the first unseen. `is_outcome` marks an outcome measure of
    the study (research/indicators.py: before and after the projects)."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        LIKERT5 = "likert5", _("Likert scale, 5 points")
        LIKERT7 = "likert7", _("Likert scale, 7 points")
        NUMBER = "number", _("Number")
        DATE = "date", _("Date")
        TEXT = "text", _("Free text")
        MATRIX = "matrix", _("Matrix (several items on one scale)")

    CHOICE_KINDS = frozenset({Kind.SINGLE, Kind.MULTIPLE, Kind.LIKERT5, Kind.LIKERT7, Kind.MATRIX})
    SCALE_POINTS: dict[str, int] = {Kind.LIKERT5: 5, Kind.LIKERT7: 7}

    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    code = models.SlugField(
        _("variable name"),
        max_length=40,
        help_text=_("Name of the column in exports, e.g. bindung_region."),
    )
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    text_de = models.TextField(_("question (German)"))
    text_en = models.TextField(_("question (English)"))
    help_de = models.CharField(_("hint (German)"), max_length=300, blank=True)
    help_en = models.CharField(_("hint (English)"), max_length=300, blank=True)
    required = models.BooleanField(_("answer required"), default=False)
    min_value = models.DecimalField(
        _("smallest number"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("largest number"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    condition = models.JSONField(_("shown only if"), default=dict, blank=True)
    is_outcome = models.BooleanField(
        _("outcome measure"),
        default=False,
        help_text=_(
            "Counts in the programme's survey outcome indicators (mean before and after the "
            "projects). Only 5-point Likert questions."
        ),
    )

    class Meta:
        ordering = ["page__position", "position"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["page", "position"], name="unique_question_position"),
            models.CheckConstraint(
                condition=Q(min_value__isnull=True)
                | Q(max_value__isnull=True)
                | Q(max_value__gte=models.F("min_value")),
                name="question_range_order",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def text(self) -> str:
        return in_language(self, "text")

    @property
    def help(self) -> str:
        return in_language(self, "help")

    @property
    def condition_text(self) -> str:
        from transferraum.research.conditions import describe

        return describe(self.condition)

    @property
    def has_options(self) -> bool:
        return self.kind in self.CHOICE_KINDS


class Option(models.Model):
    """An answer option (its `value` is the code in exports) or, for a matrix, one row (item)."""

    class Role(models.TextChoices):
        CHOICE = "choice", _("Answer option")
        ITEM = "item", _("Matrix row")

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="options"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.CHOICE)
    position = models.PositiveSmallIntegerField(_("position"))
    value = models.SmallIntegerField(_("code"))
    label_de = models.CharField(_("label (German)"), max_length=200)
    label_en = models.CharField(_("label (English)"), max_length=200)

    class Meta:
        ordering = ["question", "role", "position"]
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "role", "value"], name="unique_option_value"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return in_language(self, "label")


class Wave(TimeStampedModel):
    """A survey put to a group of people at a date, in one fixed survey version."""

    class Group(models.TextChoices):
        ROUND_STUDENTS = "round_students", _("All students of a round")
        ROUND_PARTNERS = "round_partners", _("Partners of the round's completed projects")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    study = models.ForeignKey(
        Study, verbose_name=_("study"), on_delete=models.CASCADE, related_name="waves"
    )
    survey_version = models.ForeignKey(
        SurveyVersion,
        verbose_name=_("survey version"),
        on_delete=models.PROTECT,
        related_name="waves",
    )
    name = models.CharField(_("name"), max_length=200)
    group = models.CharField(_("who is invited"), max_length=20, choices=Group.choices)
    round = models.ForeignKey(
        "projects.Round", verbose_name=_("round"), on_delete=models.PROTECT, related_name="+"
    )
    invite_on = models.DateField(_("invitations go out on"))
    closes_at = models.DateTimeField(_("closes"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        ordering = ["study", "invite_on", "pk"]
        verbose_name = _("wave")
        verbose_name_plural = _("waves")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("research:study", kwargs={"pk": self.study_id}) + f"#wave-{self.pk}"

    def is_open(self, now: Any = None) -> bool:
        return self.status == self.Status.OPEN and (now or timezone.now()) < self.closes_at


class Invitation(models.Model):
    """A person invited to a wave; the personal link's token is kept only as a hash. Never
    shown to researchers: it is the only row that ties a person to a wave."""

    wave = models.ForeignKey(
        Wave, verbose_name=_("wave"), on_delete=models.CASCADE, related_name="invitations"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="survey_invitations",
    )
    token_seed = models.CharField(max_length=64, editable=False)
    token_hash = models.CharField(max_length=HASH_LENGTH, unique=True, editable=False)
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        ordering = ["wave", "pk"]
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        constraints = [
            models.UniqueConstraint(fields=["wave", "person"], name="unique_wave_invitation")
        ]

    def __str__(self) -> str:
        return f"{self.wave} #{self.pk}"


class Response(models.Model):
    """One participant's answers in one wave, under their pseudonym; saved page by page."""

    class Status(models.TextChoices):
        STARTED = "started", _("Started")
        COMPLETED = "completed", _("Completed")

    wave = models.ForeignKey(
        Wave, verbose_name=_("wave"), on_delete=models.CASCADE, related_name="responses"
    )
    survey_version = models.ForeignKey(
        SurveyVersion,
        verbose_name=_("survey version"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=40, db_index=True)
    # The town of the project the invited student works in in the wave's round (set in SQL
    # when the response starts, `answering.response_town_set`): the survey outcomes are
    # figures per town too. Never exported; a town is no person.
    town = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("town"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.STARTED
    )
    # The page to show next (a position); pages saved before it are kept.
    page_position = models.PositiveSmallIntegerField(_("current page"), default=0)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        ordering = ["wave", "pseudonym"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(fields=["wave", "pseudonym"], name="unique_wave_pseudonym")
        ]

    def __str__(self) -> str:
        return f"{self.wave} – {self.pseudonym}"


class Answer(models.Model):
    """One answer: to a question, or to one row (`item`) of a matrix question. The value sits
    in the column of its kind: `number` (choice codes, Likert points, numbers), `choices`
    (multiple choice: the list of codes), `date` or `text`."""

    response = models.ForeignKey(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="answers"
    )
    item = models.ForeignKey(
        Option,
        verbose_name=_("matrix row"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    number = models.DecimalField(_("number"), max_digits=12, decimal_places=2, null=True)
    choices = models.JSONField(_("choices"), null=True)
    date = models.DateField(_("date"), null=True)
    text = models.TextField(_("text"), blank=True)
    saved_at = models.DateTimeField(_("saved"), default=timezone.now)

    class Meta:
        ordering = ["response", "question", "item"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question", "item"],
                name="unique_answer_with_item",
                condition=Q(item__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["response", "question"],
                name="unique_answer",
                condition=Q(item__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.response} {self.question}"
