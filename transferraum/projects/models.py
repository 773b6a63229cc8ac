"""Rounds of practice projects, the projects in them, applications, allocation runs and
assignments, and each team's workspace (milestones, meetings, documents, discussion, feedback).

A project's team is the set of its round's assignments to it; it becomes visible to students,
partners and supervisors when the round's allocation is published (`Round.published_at`).
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, pgettext_lazy

from transferraum.accounts.models import StudyProgramme, User
from transferraum.actors.models import Competence
from transferraum.challenges.models import Challenge, TransferFormat
from transferraum.core.models import TimeStampedModel, Versioned
from transferraum.regions.models import Municipality

DOCUMENT_MAX_BYTES = 20 * 1024 * 1024


class Round(Versioned, TimeStampedModel):
    """A semester or a shorter window in which projects run: phases from preparation to closed."""

    class Phase(models.TextChoices):
        PREPARATION = "preparation", _("Preparation")
        APPLICATIONS = "applications", pgettext_lazy("round phase", "Applications open")
        ALLOCATION = "allocation", _("Allocation")
        WORK = "work", _("Work")
        PRESENTATION = "presentation", _("Final presentation")
        CLOSED = "closed", _("Closed")

    class Objective(models.TextChoices):
        RANK_MAXIMAL = "rank-maximal", _("Most first choices (rank-maximal)")
        MIN_COST = "min-cost", _("Nearly everyone in their top choices (min-cost)")

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    phase = models.CharField(
        _("phase"), max_length=20, choices=Phase.choices, default=Phase.PREPARATION, db_index=True
    )
    applications_open_at = models.DateTimeField(_("applications open"), null=True, blank=True)
    applications_close_at = models.DateTimeField(_("application deadline"), null=True, blank=True)
    work_starts_on = models.DateField(_("work starts"), null=True, blank=True)
    presentation_on = models.DateField(_("final presentation"), null=True, blank=True)
    ends_on = models.DateField(_("round ends"), null=True, blank=True)
    min_choices = models.PositiveSmallIntegerField(
        _("fewest projects a student ranks"), default=3, validators=[MinValueValidator(1)]
    )
    max_choices = models.PositiveSmallIntegerField(
        _("most projects a student ranks"), default=5, validators=[MinValueValidator(1)]
    )
    motivation_ranks = models.PositiveSmallIntegerField(
        _("choices that need a motivation"),
        default=2,
        help_text=_("A short motivation is asked for this many first choices."),
    )
    objective = models.CharField(
        _("rule of the allocation"),
        max_length=20,
        choices=Objective.choices,
        default=Objective.RANK_MAXIMAL,
    )
    max_programme_share = models.DecimalField(
        _("largest share of one study programme in a team"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("For example 0.6; empty: no rule."),
    )
    work_with_weight = models.PositiveSmallIntegerField(
        _("weight of “I would like to work with”"), default=1
    )
    published_at = models.DateTimeField(_("allocation published"), null=True, blank=True)
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-applications_open_at", "-pk"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_choices__gte=F("min_choices")), name="round_choices_order"
            ),
            models.CheckConstraint(
                condition=Q(applications_close_at__isnull=True)
                | Q(applications_open_at__isnull=True)
                | Q(applications_close_at__gt=F("applications_open_at")),
                name="round_deadline_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("projects:round", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class SupervisorCapacity(models.Model):
    """How many students a supervisor takes in a round, over all their projects."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="capacities")
    supervisor = models.ForeignKey(
        User, verbose_name=_("supervisor"), on_delete=models.CASCADE, related_name="+"
    )
    capacity = models.PositiveSmallIntegerField(_("students at most"))

    class Meta:
        verbose_name = _("supervisor capacity")
        verbose_name_plural = _("supervisor capacities")
        constraints = [
            models.UniqueConstraint(fields=["round", "supervisor"], name="unique_round_supervisor")
        ]

    def __str__(self) -> str:
        return f"{self.supervisor}: {self.capacity}"


class TrainConnection(models.Model):
    """How to reach a municipality from Leipzig by regional train (shown on its projects)."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="train_connection"
    )
    station = models.CharField(_("station"), max_length=120)
    lines = models.CharField(_("lines"), max_length=120, help_text=_("For example: S4"))
    minutes = models.PositiveSmallIntegerField(_("minutes from Leipzig Hbf"))
    changes = models.PositiveSmallIntegerField(_("changes"), default=0)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("train connection")
        verbose_name_plural = _("train connections")

    def __str__(self) -> str:
        return f"Leipzig Hbf → {self.station}"


class ProjectQuerySet(models.QuerySet["Project"]):
    def open_for_applications(self) -> ProjectQuerySet:
        return self.filter(round__phase=Round.Phase.APPLICATIONS, status=Project.Status.OPEN)

    def showcased(self) -> ProjectQuerySet:
        """Finished projects whose public summary may be shown to everyone."""
        return self.filter(status=Project.Status.COMPLETED).exclude(public_summary="")


class Project(Versioned, TimeStampedModel):
    """A challenge worked on in a round by a team of students."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Not taking place")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")

    class WorkLanguage(models.TextChoices):
        DE = "de", _("German")
        EN = "en", _("English")
        BOTH = "de_en", _("German or English")

    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.PROTECT, related_name="projects"
    )
    challenge = models.ForeignKey(
        Challenge,
        verbose_name=_("challenge"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    format = models.ForeignKey(
        TransferFormat,
        verbose_name=_("format"),
        on_delete=models.PROTECT,
        related_name="projects",
        limit_choices_to={"is_project_format": True},
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what the team will do"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    supervisors = models.ManyToManyField(
        User, verbose_name=_("supervisors"), related_name="supervised_projects"
    )
    partner_contacts = models.ManyToManyField(
        User, verbose_name=_("partner contacts"), blank=True, related_name="partner_projects"
    )
    min_team_size = models.PositiveSmallIntegerField(_("smallest team"), default=3)
    max_team_size = models.PositiveSmallIntegerField(_("largest team"), default=6)
    required_competences = models.ManyToManyField(
        Competence,
        verbose_name=_("skills required"),
        blank=True,
        related_name="projects_requiring",
        help_text=_("At least one team member must have each of them."),
    )
    desired_competences = models.ManyToManyField(
        Competence, verbose_name=_("skills desired"), blank=True, related_name="projects_desiring"
    )
    wanted_programmes = models.ManyToManyField(
        StudyProgramme, verbose_name=_("study programmes wanted"), blank=True, related_name="+"
    )
    module = models.CharField(_("module"), max_length=200, blank=True)
    ects = models.PositiveSmallIntegerField(_("ECTS credits"), null=True, blank=True)
    work_language = models.CharField(
        _("language of work"), max_length=5, choices=WorkLanguage.choices, default=WorkLanguage.DE
    )
    site_visit_place = models.CharField(_("site visits: where"), max_length=200, blank=True)
    site_visit_frequency = models.CharField(_("site visits: how often"), max_length=200, blank=True)
    # What the team delivers for everyone (the showcase)
    public_summary = models.TextField(_("summary for the public"), blank=True)
    results = models.TextField(_("results"), blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    # Stemmed words of the public texts, recomputed by `services.rounds.project_index`.
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["round", "title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_team_size__gte=F("min_team_size")) & Q(max_team_size__gte=1),
                name="project_team_size_order",
            ),
            models.UniqueConstraint(fields=["round", "challenge"], name="unique_round_challenge"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:project", kwargs={"pk": self.pk})


class StudentProfile(TimeStampedModel):
    """What a student tells the programme for applying; programme, semester and competences live
    on the user and the person profile, so they are entered once."""

    class Mobility(models.TextChoices):
        DEUTSCHLANDTICKET = "deutschlandticket", _("Deutschlandticket")
        CAR = "car", _("Car")
        BIKE = "bike", _("Bike")

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="student_profile")
    mobility = models.JSONField(_("mobility"), default=list, blank=True)
    availability = models.CharField(
        _("availability"),
        max_length=300,
        blank=True,
        help_text=_("For example: Tuesdays and Thursdays, not in March"),
    )

    class Meta:
        verbose_name = _("student profile")
        verbose_name_plural = _("student profiles")

    def __str__(self) -> str:
        return str(self.user)


class Application(TimeStampedModel):
    """A student's ranking of projects in one round; one per student and round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="applications")
    student = models.ForeignKey(User, on_delete=models.CASCADE, related_name="applications")
    work_with = models.ManyToManyField(
        User, verbose_name=_("I would like to work with"), blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"))

    class Meta:
        ordering = ["round", "student"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(fields=["round", "student"], name="unique_application")
        ]

    def __str__(self) -> str:
        return f"{self.student} – {self.round}"


class Choice(models.Model):
    """One ranked project of an application (rank 1 = first choice)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="choices")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="choices")
    rank = models.PositiveSmallIntegerField(_("rank"), validators=[MinValueValidator(1)])
    motivation = models.TextField(_("motivation"), max_length=1500, blank=True)

    class Meta:
        ordering = ["application", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["application", "rank"], name="unique_choice_rank"),
            models.UniqueConstraint(
                fields=["application", "project"], name="unique_choice_project"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.project}"


class AllocationRun(TimeStampedModel):
    """One run of the allocation engine for a round: its input, result and progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    # The step of a run that failed because it stopped without finishing (its background
    # worker was lost); translated when shown.
    STEP_STOPPED = gettext_noop("Stopped without finishing")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="runs")
    # 1, 2, … within the round (the coordinators' "run no."), given by `allocation_start`
    # under the round's lock.
    number = models.PositiveIntegerField(_("number in the round"))
    started_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress in percent"), default=0)
    progress_note = models.CharField(_("step"), max_length=200, blank=True)
    objective = models.CharField(_("rule"), max_length=20, choices=Round.Objective.choices)
    seed = models.PositiveIntegerField(_("seed"), default=0)
    instance = models.JSONField(_("input"), default=dict, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        verbose_name = _("allocation run")
        verbose_name_plural = _("allocation runs")
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="unique_run_number"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="run_number_from_1"),
        ]

    def __str__(self) -> str:
        return f"{self.round} #{self.number}"

    @property
    def stopped(self) -> bool:
        """Failed because it stopped without finishing, not because the engine found nothing."""
        return self.status == self.Status.FAILED and self.progress_note == self.STEP_STOPPED


class Assignment(TimeStampedModel):
    """Where a student of a round works: from the latest run, or moved by hand (then pinned)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="assignments")
    student = models.ForeignKey(User, on_delete=models.CASCADE, related_name="assignments")
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="assignments"
    )
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    pinned = models.BooleanField(_("moved by hand"), default=False)
    run = models.ForeignKey(
        AllocationRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The engine's explanation for this student: [{"project", "rank", "kind", "texts": {de, en}}]
    explanation = models.JSONField(_("explanation"), default=list, blank=True)

    class Meta:
        ordering = ["round", "student"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["round", "student"], name="unique_assignment")
        ]

    def __str__(self) -> str:
        return f"{self.student} → {self.project or '–'}"


class Counterfactual(TimeStampedModel):
    """A student's question "what if I had got my first choice?" for one run: the engine solves
    the round again in the background, once per run and student."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being computed")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    class Failure(models.TextChoices):
        NO_ANSWER = "no_answer", _("No answer possible for this round")
        TIME = "time", _("No answer within the time limit")
        UNEXPECTED = "unexpected", _("Unexpected error")

    run = models.ForeignKey(AllocationRun, on_delete=models.CASCADE, related_name="counterfactuals")
    student = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(
        Project, verbose_name=_("first choice"), on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    # The engine's answer in every language: {"de": ..., "en": ...}
    texts = models.JSONField(_("answer"), default=dict, blank=True)
    failure = models.CharField(
        _("why it failed"), max_length=12, choices=Failure.choices, blank=True
    )
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["run", "student"]
        verbose_name = _("first-choice question")
        verbose_name_plural = _("first-choice questions")
        constraints = [
            models.UniqueConstraint(fields=["run", "student"], name="unique_counterfactual")
        ]

    def __str__(self) -> str:
        return f"{self.student} → {self.project} ({self.run})"


class Milestone(Versioned, TimeStampedModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class Meeting(Versioned, TimeStampedModel):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        SITE_VISIT = "site_visit", _("Site visit")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.MEETING)
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200)
    attendees = models.ManyToManyField(
        User, verbose_name=_("who comes"), blank=True, related_name="+"
    )
    minutes = models.TextField(_("minutes"), blank=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_at:%Y-%m-%d}"


class Document(TimeStampedModel):
    """A document of a team; each upload of a new version keeps the older ones."""

    class Category(models.TextChoices):
        WORKING = "working", _("Working document")
        REPORT = "report", _("Final report")
        PRESENTATION = "presentation", _("Final presentation")
        OTHER = "other", _("Other deliverable")

    DELIVERABLES = (Category.REPORT, Category.PRESENTATION, Category.OTHER)

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(
        _("kind"), max_length=15, choices=Category.choices, default=Category.WORKING
    )
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["category", "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title


def document_path(instance: DocumentVersion, filename: str) -> str:
    return f"projects/{instance.document.project_id}/{instance.document_id}/{filename}"


class DocumentVersion(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=document_path)
    name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["document", "-number"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_document_version")
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"


class Post(models.Model):
    """A message in the team's discussion thread."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return self.text[:60]


class Feedback(Versioned, TimeStampedModel):
    """The partner's structured feedback at mid-term and at the end (one of each per project)."""

    class Stage(models.TextChoices):
        MIDTERM = "midterm", _("Mid-term")
        FINAL = "final", _("End")

    SCALE = [(i, str(i)) for i in range(1, 6)]

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="feedback")
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices)
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    usefulness = models.PositiveSmallIntegerField(
        _("how useful is the work for you?"),
        choices=SCALE,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    collaboration = models.PositiveSmallIntegerField(
        _("how well does the collaboration work?"),
        choices=SCALE,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    what_next = models.TextField(_("what should happen next?"), max_length=3000)
    comment = models.TextField(_("anything else"), max_length=3000, blank=True)

    class Meta:
        ordering = ["project", "stage"]
        verbose_name = _("partner feedback")
        verbose_name_plural = _("partner feedback")
        constraints = [
            models.UniqueConstraint(fields=["project", "stage"], name="unique_feedback_stage"),
            models.CheckConstraint(
                condition=Q(usefulness__gte=1, usefulness__lte=5)
                & Q(collaboration__gte=1, collaboration__lte=5),
                name="feedback_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} – {self.get_stage_display()}"
