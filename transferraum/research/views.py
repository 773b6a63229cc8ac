"""Pages of the research area: the personal survey link (no sign-in) and the researchers'
studies, survey builder and waves."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.filters import Filters
from transferraum.core.listing import listing
from transferraum.research import exports
from transferraum.research.forms import (
    ConsentVersionForm,
    PageForm,
    QuestionForm,
    StudyForm,
    SurveyForm,
    WaveForm,
)
from transferraum.research.models import Option, Page, Question, Response, Wave
from transferraum.research.permissions import can_create_study
from transferraum.research.selectors import (
    current_consent,
    studies_for_viewer,
    study_for_researcher,
    survey_for_researcher,
    version_questions,
    waves_with_counts,
)
from transferraum.research.services import answering, surveys
from transferraum.research.services import studies as study_services
from transferraum.research.services.surveys import newest_version

# --- the personal link ----------------------------------------------------------------------


def _page_context(pages: list[Page], page: Page, answers: dict[str, Any]) -> dict[str, Any]:
    return {
        "page": page,
        "questions": answering.visible_questions(page, answers),
        "progress": answering.progress_of(pages, page, answers),
    }


def answer(request: HttpRequest, token: str) -> HttpResponse:
    """Answer a survey through the personal link: consent first, then page by page; every page
    is saved when sent, so the link resumes where the person stopped."""
    invitation = study_services.invitation_by_token(token)
    try:
        study_services.invitation_check(invitation, viewer=request.user)
    except DomainError as error:
        status = 403 if isinstance(error, study_services.LinkNotYours) else 410
        return render(
            request, "research/answer_refused.html", {"message": error.message}, status=status
        )
    if invitation is None:  # invitation_check refused it already
        raise Http404
    wave, study = invitation.wave, invitation.wave.study
    context: dict[str, Any] = {"wave": wave, "study": study, "token": token}
    action = request.POST.get("action", "") if request.method == "POST" else ""
    consent_version = study_services.newest_consent_version(study)
    if action == "withdraw":
        try:
            study_services.consent_withdraw(person=invitation.person, study=study)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your consent is withdrawn."))
        return redirect(request.path)
    if current_consent(invitation.person, study) is None:
        if action == "consent" and consent_version is not None:
            if request.POST.get("agree") == "yes":
                try:
                    study_services.consent_give(
                        person=invitation.person, study=study, consent_version=consent_version
                    )
                except DomainError as error:
                    context["consent_error"] = error.message
                else:
                    return redirect(request.path)
            else:
                context["consent_error"] = _("Please tick the box to agree.")
        context["consent_version"] = consent_version
        return render(request, "research/answer_consent.html", context)
    response = answering.response_start(invitation=invitation)
    context["response"] = response
    if response.status == Response.Status.COMPLETED:
        return render(request, "research/answer_done.html", context)
    pages = version_questions(response.survey_version)
    answers = answering.answers_of(response)
    shown = answering.visible_pages(pages, answers)
    reached = [p for p in shown if p.position <= max(response.page_position, shown[0].position)]
    page = reached[-1]
    wanted = request.GET.get("seite") or request.POST.get("page")
    if wanted and wanted.isdigit():
        page = next((p for p in reached if p.position == int(wanted)), page)
    errors: dict[str, str] = {}
    values: Any = answers
    if action == "save":
        try:
            response = answering.response_page_save(
                invitation=invitation, response=response, page=page, data=request.POST
            )
        except answering.AnswersInvalid as error:
            errors, values = error.errors, _posted(request, page)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect(request.path)
        else:
            return redirect(request.path)
    earlier = [p for p in reached if p.position < page.position]
    context.update(_page_context(pages, page, answers))
    context.update(
        {
            "errors": errors,
            "values": values,
            "previous": earlier[-1] if earlier else None,
            "fields": _fields(context["questions"], values, errors),
        }
    )
    return render(request, "research/answer_page.html", context, status=422 if errors else 200)


def _posted(request: HttpRequest, page: Page) -> dict[str, Any]:
    """What the person sent, by variable name, to show again next to the errors."""
    found: dict[str, Any] = {}
    for question in page.questions.all():
        name = answering.field_name(question)
        if question.kind == "matrix":
            found[question.code] = {
                item.value: request.POST.get(answering.field_name(question, item), "")
                for item in question.options.all()
                if item.role == Option.Role.ITEM
            }
        elif question.kind == "multiple":
            found[question.code] = request.POST.getlist(name)
        else:
            found[question.code] = request.POST.get(name, "")
    return found


def _fields(
    questions: list[Any], values: dict[str, Any], errors: dict[str, str]
) -> list[dict[str, Any]]:
    """Everything the template needs per question: its field name, value(s) and error."""
    fields = []
    for question in questions:
        value = values.get(question.code)
        choices = [o for o in question.options.all() if o.role == Option.Role.CHOICE]
        items = [o for o in question.options.all() if o.role == Option.Role.ITEM]
        if question.kind == "multiple":
            selected = {str(v) for v in value or []}
        elif question.kind == "matrix":
            selected = set()
        else:
            selected = {"" if value is None else str(value)}
        rows = [
            {
                "item": item,
                "name": answering.field_name(question, item),
                "value": str((value or {}).get(item.value, "")) if isinstance(value, dict) else "",
            }
            for item in items
        ]
        fields.append(
            {
                "question": question,
                "name": answering.field_name(question),
                "value": "" if value is None or isinstance(value, (list, dict)) else str(value),
                "selected": selected,
                "choices": choices,
                "rows": rows,
                "error": errors.get(answering.field_name(question), ""),
            }
        )
    return fields


# --- researchers ----------------------------------------------------------------------------


@login_required
def studies(request: HttpRequest) -> HttpResponse:
    """The studies the researcher is a member of."""
    if not can_create_study(request.user):
        from transferraum.accounts.models import User

        raise PermissionDenied(_("Only researchers see studies."), needs_role=User.Role.RESEARCHER)
    url = reverse("research:studies")
    page = listing(
        request,
        studies_for_viewer(request.user),
        Filters.from_query(request.GET),
        url=url,
        per_page=20,
        name="studies",
        capped=False,
    )
    return render(request, "research/studies.html", page.context)


@login_required
def study_new(request: Any) -> HttpResponse:
    if not can_create_study(request.user):
        from transferraum.accounts.models import User

        raise PermissionDenied(
            _("Only researchers may create studies."), needs_role=User.Role.RESEARCHER
        )
    form = StudyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        study = study_services.study_create(actor=request.user, **form.cleaned_data)
        return redirect(study)
    return render(request, "research/study_new.html", {"form": form})


@login_required
def study(request: Any, pk: int) -> HttpResponse:
    """A study: its consent texts, surveys and waves with invitation counts and response
    rates; forms to add a consent text, a survey and a wave."""
    study = study_for_researcher(request.user, pk)
    consent_form = ConsentVersionForm(None)
    survey_form = SurveyForm(None)
    wave_form = WaveForm(None, study=study)
    form_name = request.POST.get("form", "") if request.method == "POST" else ""
    try:
        if form_name == "consent":
            consent_form = ConsentVersionForm(request.POST)
            if consent_form.is_valid():
                study_services.consent_version_add(
                    actor=request.user, study=study, **consent_form.cleaned_data
                )
                return redirect(study)
        elif form_name == "survey":
            survey_form = SurveyForm(request.POST)
            if survey_form.is_valid():
                survey = surveys.survey_create(
                    actor=request.user, study=study, **survey_form.cleaned_data
                )
                return redirect(survey)
        elif form_name == "wave":
            wave_form = WaveForm(request.POST, study=study)
            if wave_form.is_valid():
                data = wave_form.cleaned_data
                chosen = study.surveys.get(pk=data["survey"])
                closes = timezone.make_aware(
                    dt.datetime.combine(data["closes_on"], dt.time(23, 59))
                )
                study_services.wave_create(
                    actor=request.user,
                    study=study,
                    survey_version=newest_version(chosen),
                    name=data["name"],
                    group=data["group"],
                    round=data["round"],
                    invite_on=data["invite_on"],
                    closes_at=closes,
                )
                return redirect(study)
    except DomainError as error:
        target = {"consent": consent_form, "survey": survey_form, "wave": wave_form}[form_name]
        error.attach_to(target)
    waves = list(waves_with_counts(study))
    for wave in waves:
        counts: Any = wave  # annotated by waves_with_counts
        counts.rate = round(100 * counts.completed / counts.invited) if counts.invited else 0
    context = {
        "study": study,
        "consent_versions": study.consent_versions.all(),
        "surveys": study.surveys.prefetch_related("versions"),
        "waves": waves,
        "consent_form": consent_form,
        "survey_form": survey_form,
        "wave_form": wave_form,
    }
    return render(request, "research/study.html", context, status=422 if form_name else 200)


@login_required
def survey(request: HttpRequest, pk: int) -> HttpResponse:
    """The survey builder: the newest version's pages and questions, forms to add a page, a
    question (with options and a condition), a new version."""
    survey = survey_for_researcher(request.user, pk)
    version = newest_version(survey)
    pages = version_questions(version)
    page_form = PageForm(None)
    question_form = QuestionForm(None, pages=pages)
    form_name = request.POST.get("form", "") if request.method == "POST" else ""
    try:
        if form_name == "version":
            surveys.survey_version_start(actor=request.user, survey=survey)
            messages.success(request, _("A new version was started."))
            return redirect(survey)
        if form_name == "delete":
            question = get_object_or_404(
                Question, pk=_number(request.POST.get("question")), page__version=version
            )
            surveys.question_delete(actor=request.user, question=question)
            messages.success(request, _("The question was removed."))
            return redirect(survey)
        if form_name == "page":
            page_form = PageForm(request.POST)
            if page_form.is_valid():
                data = page_form.cleaned_data
                surveys.page_add(
                    actor=request.user,
                    version=version,
                    title_de=data["title_de"],
                    title_en=data["title_en"],
                    condition=page_form.condition(),
                )
                return redirect(survey)
        elif form_name == "question":
            question_form = QuestionForm(request.POST, pages=pages)
            if question_form.is_valid():
                _question_add(request, question_form, version)
                return redirect(survey)
    except DomainError as error:
        if form_name in ("version", "delete"):
            messages.error(request, error.message)
        else:
            error.attach_to(page_form if form_name == "page" else question_form)
    context = {
        "survey": survey,
        "study": survey.study,
        "version": version,
        "pages": pages,
        "answered": version.has_answers(),
        "page_form": page_form,
        "question_form": question_form,
    }
    return render(request, "research/survey.html", context, status=422 if form_name else 200)


def _number(value: str | None) -> int:
    return int(value) if value and value.isdigit() and len(value) < 10 else 0


@transaction.atomic
def _question_add(request: HttpRequest, form: QuestionForm, version: Any) -> None:
    data = form.cleaned_data
    page = get_object_or_404(Page, pk=data["page"], version=version)
    question = surveys.question_add(
        actor=request.user,
        page=page,
        code=data["code"],
        kind=data["kind"],
        text_de=data["text_de"],
        text_en=data["text_en"],
        required=data["required"],
        min_value=data["min_value"],
        max_value=data["max_value"],
        condition=form.condition(),
    )
    choices, items = form.option_lines()
    if question.kind in ("single", "multiple", "matrix"):
        for de, en in choices:
            surveys.option_add(actor=request.user, question=question, label_de=de, label_en=en)
    if question.kind == "matrix":
        for de, en in items:
            surveys.option_add(
                actor=request.user,
                question=question,
                label_de=de,
                label_en=en,
                role=Option.Role.ITEM,
            )


@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Every page of the newest version as a participant sees it, conditions named."""
    survey = survey_for_researcher(request.user, pk)
    version = newest_version(survey)
    pages = [
        {"page": page, "fields": _fields(list(page.questions.all()), {}, {})}
        for page in version_questions(version)
    ]
    return render(
        request, "research/preview.html", {"survey": survey, "version": version, "pages": pages}
    )


WAVE_STEPS: dict[str, Any] = {
    "oeffnen": study_services.wave_open,
    "erinnern": study_services.wave_remind,
    "schliessen": study_services.wave_close,
}


@login_required
@require_POST
def wave_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """Open a wave (invite), send its one reminder, or close it."""
    if step not in WAVE_STEPS:
        raise Http404
    wave = get_object_or_404(Wave.objects.select_related("study"), pk=pk)
    study = study_for_researcher(request.user, wave.study_id)
    try:
        WAVE_STEPS[step](actor=request.user, wave=wave)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Done."))
    return redirect(study)


EXPORTS = {
    "antworten": (exports.LONG_HEADER, exports.long_rows),
    "codebuch": (exports.CODEBOOK_HEADER, exports.codebook_rows),
}


@login_required
def export(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """A study's answers (long format, pseudonyms only) or its codebook as CSV, for the
    study's researchers only."""
    study = study_for_researcher(request.user, pk)
    if kind not in EXPORTS:
        raise Http404
    header, rows = EXPORTS[kind]
    response = HttpResponse(
        exports.csv_text(header, rows(study)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="studie-{study.pk}-{kind}.csv"'
    return response


@login_required
def export_zip(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """A ZIP with the answers in the wide or long shape (`breit-csv`, `lang-xlsx`, …), the
    codebook and the R syntax file, for the study's researchers only."""
    study = study_for_researcher(request.user, pk)
    shape, _sep, file_format = kind.partition("-")
    if shape not in exports.SHAPES or file_format not in exports.FORMATS:
        raise Http404
    response = HttpResponse(
        exports.export_zip(study, shape=shape, file_format=file_format),
        content_type="application/zip",
    )
    response["Content-Disposition"] = f'attachment; filename="studie-{study.pk}-{kind}.zip"'
    return response


@login_required
def frequencies(request: HttpRequest, pk: int) -> HttpResponse:
    """How often each answer was given, per wave and choice variable; cells with fewer than
    five people are suppressed."""
    study = study_for_researcher(request.user, pk)
    tables = exports.frequency_tables(study)
    return render(request, "research/frequencies.html", {"study": study, "tables": tables})
