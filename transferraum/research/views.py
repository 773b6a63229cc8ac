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

from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.filters import Filters
from transferraum.core.htmx import wants_partial
from transferraum.core.listing import listing
from transferraum.research import exports
from transferraum.research.forms import (
    ConsentVersionForm,
    OptionForm,
    PageEditForm,
    PageForm,
    QuestionEditForm,
    QuestionForm,
    StudyForm,
    SurveyForm,
    WaveForm,
)
from transferraum.research.models import ConsentVersion, Option, Page, Question, Response, Wave
from transferraum.research.permissions import can_create_study
from transferraum.research.selectors import (
    consents_for_person,
    current_consent,
    option_for_researcher,
    page_for_researcher,
    question_codes,
    question_for_researcher,
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


# --- a participant's own studies -------------------------------------------------------------


@login_required
def my_studies(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The studies the signed-in person joined: the consent text's version, when they agreed
    (or withdrew), and withdrawal, which erases or keeps their answers as the text said."""
    if request.method == "POST":
        record = get_object_or_404(
            consents_for_person(request.user), study_id=_number(request.POST.get("study"))
        )
        try:
            study_services.consent_withdraw(person=request.user, study=record.study)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            if record.consent_version.on_withdrawal == ConsentVersion.OnWithdrawal.ERASE:
                messages.success(request, _("Your consent is withdrawn and your answers erased."))
            else:
                messages.success(
                    request,
                    _("Your consent is withdrawn; your answers so far are kept pseudonymised."),
                )
        return redirect("research:my-studies")
    url = reverse("research:my-studies")
    page = listing(
        request,
        consents_for_person(request.user),
        Filters.from_query(request.GET),
        url=url,
        per_page=20,
        name="my-studies",
        capped=False,
    )
    return render(request, "research/my_studies.html", page.context)


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
    codes = [question.code for page in pages for question in page.questions.all()]
    page_form = PageForm(None, codes=codes)
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
            page_form = PageForm(request.POST, codes=codes)
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
    context = _builder_context(survey, version, pages)
    context.update({"page_form": page_form, "question_form": question_form})
    return render(request, "research/survey.html", context, status=422 if form_name else 200)


def _builder_context(survey: Any, version: Any, pages: list[Page]) -> dict[str, Any]:
    return {
        "survey": survey,
        "study": survey.study,
        "version": version,
        "pages": pages,
        "answered": version.has_answers(),
    }


@login_required
def page_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A page's titles (German, English) and its condition of several rules, while the
    survey version has no answers."""
    page = page_for_researcher(request.user, pk)
    version = page.version
    survey = version.survey
    codes = question_codes(version)
    form = PageEditForm(
        request.POST or None,
        codes=codes,
        condition=page.condition,
        initial={"title_de": page.title_de, "title_en": page.title_en},
    )
    if request.method == "POST" and form.is_valid():
        try:
            surveys.page_update(
                actor=request.user,
                page=page,
                title_de=form.cleaned_data["title_de"],
                title_en=form.cleaned_data["title_en"],
                condition=form.condition(),
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(request, _("The page was saved."))
            return redirect(survey)
    context = {
        "survey": survey,
        "study": survey.study,
        "version": version,
        "page": page,
        "form": form,
        "answered": version.has_answers(),
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "research/page_edit.html", context, status=status)


@login_required
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A question's texts, the settings of its kind, its condition and its answer options
    (labels, order, new ones, removal), while the survey version has no answers."""
    question = question_for_researcher(request.user, pk)
    version = question.page.version
    survey = version.survey
    codes = question_codes(version)
    form = QuestionEditForm(None, question=question, codes=codes)
    add_form = OptionForm(None, prefix="option-new")
    option_forms: dict[int, OptionForm] = {}
    form_name = request.POST.get("form", "") if request.method == "POST" else ""
    target: Any = None
    try:
        if form_name == "question":
            form = target = QuestionEditForm(request.POST, question=question, codes=codes)
            if form.is_valid():
                data = form.cleaned_data
                surveys.question_update(
                    actor=request.user,
                    question=question,
                    text_de=data["text_de"],
                    text_en=data["text_en"],
                    help_de=data["help_de"],
                    help_en=data["help_en"],
                    required=data["required"],
                    min_value=data.get("min_value"),
                    max_value=data.get("max_value"),
                    is_outcome=data.get("is_outcome", False),
                    condition=form.condition(),
                    loaded_version=form.loaded_version,
                )
                messages.success(request, _("The question was saved."))
                return redirect(survey)
        elif form_name == "option-new":
            add_form = target = OptionForm(request.POST, prefix="option-new")
            if add_form.is_valid():
                role = request.POST.get("role", Option.Role.CHOICE)
                surveys.option_add(
                    actor=request.user,
                    question=question,
                    role=role if role in Option.Role.values else Option.Role.CHOICE,
                    **add_form.cleaned_data,
                )
                return redirect("research:question-edit", pk=question.pk)
        elif form_name.startswith("option-") and form_name[7:].isdigit():
            option = get_object_or_404(question.options, pk=int(form_name[7:]))
            option_form = target = OptionForm(request.POST, prefix=form_name)
            option_forms[option.pk] = option_form
            if option_form.is_valid():
                surveys.option_update(actor=request.user, option=option, **option_form.cleaned_data)
                return redirect("research:question-edit", pk=question.pk)
    except DomainError as error:
        error.attach_to(target)
    options = list(question.options.all())
    for option in options:
        option.form = option_forms.get(  # type: ignore[attr-defined]
            option.pk,
            OptionForm(
                None,
                prefix=f"option-{option.pk}",
                initial={"label_de": option.label_de, "label_en": option.label_en},
            ),
        )
    context = {
        "survey": survey,
        "study": survey.study,
        "version": version,
        "question": question,
        "form": form,
        "add_form": add_form,
        "options": options,
        "answered": version.has_answers(),
    }
    return render(request, "research/question_edit.html", context, status=422 if form_name else 200)


BUILDER_STEPS = {"hoch": surveys.UP, "runter": surveys.DOWN, "entfernen": "delete"}


@login_required
@require_POST
def builder_step(request: HttpRequest, part: str, pk: int, step: str) -> HttpResponse:
    """Move a page, question or answer option up or down, or remove it: a plain POST that
    redirects back to the builder; to htmx, the builder's changed part."""
    if step not in BUILDER_STEPS or part not in ("seite", "frage", "option"):
        raise Http404
    direction = BUILDER_STEPS[step]
    item: Any
    if part == "seite":
        item = page_for_researcher(request.user, pk)
        survey = item.version.survey
        back = survey.get_absolute_url()
    elif part == "frage":
        item = question_for_researcher(request.user, pk)
        survey = item.page.version.survey
        back = survey.get_absolute_url()
    else:
        item = option_for_researcher(request.user, pk)
        survey = item.question.page.version.survey
        back = reverse("research:question-edit", args=[item.question_id])
    actions: dict[str, Any] = {
        "seite": (surveys.page_move, surveys.page_delete, "page"),
        "frage": (surveys.question_move, surveys.question_delete, "question"),
        "option": (surveys.option_move, surveys.option_delete, "option"),
    }
    move, delete, keyword = actions[part]
    try:
        if direction == "delete":
            delete(actor=request.user, **{keyword: item})
            messages.success(request, _("Removed."))
        elif not move(actor=request.user, direction=direction, **{keyword: item}):
            messages.info(request, _("It is at the end of the list already."))
    except DomainError as error:
        messages.error(request, error.message)
    if wants_partial(request) and part != "option":
        version = newest_version(survey)
        return render(
            request,
            "research/survey.html#builder",
            _builder_context(survey, version, version_questions(version)),
        )
    return redirect(back)


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
        is_outcome=data["is_outcome"],
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
