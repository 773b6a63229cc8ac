"""The privacy registry: what the platform stores about a person, and how it is exported,
erased and kept (GDPR Art. 15, 17, 20 and the Art. 30 record of processing activities).

Every app declares in `<app>/privacy.py` (found by `autodiscover_modules("privacy")`), for each
model that holds personal data, one `PersonalData`:

- **which rows are the person's** (`person_fields`: links to the person, any of them; or
  `rows` for a custom query),
- **what is exported** (`export_fields`, default every plain field; links to other people are
  left out, the person's own links say "you"; `files`: file fields copied into the ZIP),
- **how it is erased** (`Erase.DELETE`: the rows and their files go; `Erase.ANONYMISE`: the
  rows stay, `anonymise` fields get a placeholder, links to the person are cleared and files
  deleted; `Erase.KEEP`: the model itself handles it, e.g. a link that `SET_NULL`s),
- **where other people's rows may quote the person** (`mentions`: text fields in which the
  person's name and e-mail address are replaced by "former member" on erasure),
- **how long it is kept** (`retention`: deleted by `manage.py privacy_purge` once past its
  period; `retention_text` for the record), and **why** (purpose, legal basis, categories of
  people and data, recipients) for the Art. 30 record.

What the declarations of one app share (the export's `area`, purpose, legal basis, people,
recipients) is stated once, as the app's `PrivacyArea`, given to `privacy_register(...,
defaults=...)`; a declaration names only what differs from it.

A model with something that looks personal (a link to a person, an e-mail address, a name,
phone, address or photo field, a file) but holds nothing about people is declared with
`NotPersonal` and a reason. `core/tests/test_privacy_registry.py` walks every model and fails
on one that is neither, so a later app cannot forget it.

Erasure and export are in this module because they only read the registry; the accounts app
calls them from its services (`account_erase`, `data_export_build`).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import KW_ONLY, dataclass, field, replace
from datetime import timedelta
from enum import StrEnum
from pathlib import PurePosixPath
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q, QuerySet
from django.db.models.fields.files import FieldFile
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

Text = str | Promise

# What stands where a person's name was (stored in the platform's default language).
FORMER_MEMBER = _("former member")

# Texts that many declarations share: legal bases, people, recipients, periods.
CONTRACT = _("Art. 6(1)(b) GDPR: taking part in the programme under the terms of use")
PUBLIC_TASK = _(
    "Art. 6(1)(e) GDPR with the Saxon Higher Education Act: the university's task of "
    "knowledge transfer and teaching"
)
LEGITIMATE_INTEREST = _("Art. 6(1)(f) GDPR: keeping the platform secure and its history traceable")
CONSENT = _("Art. 6(1)(a) GDPR: the person's consent, which they may withdraw at any time")
MEMBERS = _("Registered members of the platform")
STUDENTS = _("Students")
STAFF = _("Staff of partner organisations, supervisors and coordinators")
INVITEES = _("People invited into an organisation")
PERSON_ONLY = _("The person themselves; the programme's coordinators")
PROGRAMME = _(
    "The programme's coordinators; the people working with the person in the same "
    "organisation, project or review"
)
PUBLIC_OR_MEMBERS = _("Other members or the public, as far as the person chose to show it")
OPERATOR = _("The platform's operators (administrators, hosting as processor)")
UNTIL_ERASURE = _("Until the account is deleted")
WITH_OBJECT = _(
    "As long as the object it belongs to exists; the person's name goes when their account "
    "is deleted"
)


class Erase(StrEnum):
    DELETE = "delete"
    ANONYMISE = "anonymise"
    KEEP = "keep"


@dataclass(frozen=True)
class Retention:
    """Rows older than `days` (counted from the date or time in `field`), among those `only`
    selects, are deleted by `manage.py privacy_purge`."""

    days: int
    field: str
    only: Q | None = None


@dataclass(frozen=True)
class PrivacyArea:
    """What an app's declarations share, stated once per app (or per area of an app) and
    given to `privacy_register(..., defaults=...)`."""

    area: str  # the export's file: <area>.json
    purpose: Text
    legal_basis: Text
    people: Text  # categories of people
    recipients: Text


AREA_FIELDS = ("area", "purpose", "legal_basis", "people", "recipients")


@dataclass(frozen=True)
class PersonalData:
    """One model's declaration; see the module's docstring. The fields of `PrivacyArea` left
    empty are taken from the app's defaults when registered."""

    model: str  # "app_label.ModelName"
    _: KW_ONLY
    area: str = ""
    purpose: Text = ""
    legal_basis: Text = ""
    people: Text = ""
    recipients: Text = ""
    erase: Erase
    retention_text: Text = ""  # without a `retention`; with one, the text is made from it
    person_fields: tuple[str, ...] = ()
    rows: Callable[[Any], QuerySet[Any]] | None = None
    export_fields: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    anonymise: Mapping[str, Any] = field(default_factory=dict)
    mentions: tuple[str, ...] = ()
    retention: Retention | None = None
    # The app's own step before the generic erasure (move a row to a placeholder, re-index).
    before_erase: Callable[[Any], None] | None = None
    # Why the account may not be erased yet, with what to do first; None: no objection.
    refuse: Callable[[Any], str | None] | None = None

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def rows_of(self, person: Any) -> QuerySet[Any]:
        """The person's rows of this model."""
        if self.rows is not None:
            return self.rows(person)
        condition = Q()
        for name in self.person_fields:
            condition |= Q(**{name: person})
        return self.model_class._default_manager.filter(condition).distinct()


@dataclass(frozen=True)
class NotPersonal:
    """A model that looks personal to the completeness test but is not, and why."""

    model: str
    reason: str


_REGISTRY: dict[str, PersonalData] = {}
_NOT_PERSONAL: dict[str, NotPersonal] = {}


def _unset(value: Text) -> bool:
    # a lazy text is never empty; comparing it would translate it at import time
    return isinstance(value, str) and not value


def _same(value: Text, default: Text) -> bool:
    return value is default or (
        isinstance(value, str) and isinstance(default, str) and value == default
    )


def _with_defaults(declaration: PersonalData, defaults: PrivacyArea | None) -> PersonalData:
    """`declaration` with its app's defaults filled in. A value repeated from the defaults and
    a value missing on both sides are mistakes and raise, so each app states them once."""
    filled: dict[str, Any] = {}
    for name in AREA_FIELDS:
        value = getattr(declaration, name)
        default = getattr(defaults, name) if defaults is not None else ""
        if _unset(value):
            if _unset(default):
                raise ValueError(f"{declaration.model} has no {name}: give it or the defaults.")
            filled[name] = default
        elif defaults is not None and _same(value, default):
            raise ValueError(
                f"{declaration.model} repeats the {name} of its app's defaults: leave it out."
            )
    return replace(declaration, **filled) if filled else declaration


def privacy_register(
    *declarations: PersonalData | NotPersonal, defaults: PrivacyArea | None = None
) -> None:
    """Declare models, with the app's shared `defaults` (see `PrivacyArea`); a model declared
    twice is a mistake and raises."""
    for declaration in declarations:
        key = declaration.model.lower()
        if key in _REGISTRY or key in _NOT_PERSONAL:
            raise ValueError(f"{declaration.model} is declared twice in the privacy registry.")
        if isinstance(declaration, PersonalData):
            _REGISTRY[key] = _with_defaults(declaration, defaults)
        else:
            _NOT_PERSONAL[key] = declaration


def registered() -> list[PersonalData]:
    """Every declaration with personal data, in the order of registration."""
    return list(_REGISTRY.values())


def declared(model: type[models.Model]) -> PersonalData | NotPersonal | None:
    key = model._meta.label_lower
    return _REGISTRY.get(key) or _NOT_PERSONAL.get(key)


# --- what looks personal ----------------------------------------------------------------------

PERSONAL_NAME = re.compile(r"name|e_?mail|phone|address|photo|avatar|birth", re.IGNORECASE)


def looks_personal(model: type[models.Model]) -> list[str]:
    """The fields of `model` that look like personal data: links to a person, e-mail fields,
    fields named like a name, e-mail, phone, address or photo, and files."""
    person = apps.get_model(settings.AUTH_USER_MODEL)
    found = []
    for model_field in model._meta.get_fields():
        if model_field.auto_created and not model_field.concrete:
            continue  # reverse relations belong to the other side
        related = getattr(model_field, "related_model", None)
        if (
            isinstance(model_field, models.EmailField | models.FileField)
            or (related is not None and issubclass(related, person))
            or (model_field.concrete and PERSONAL_NAME.search(model_field.name))
        ):
            found.append(model_field.name)
    if model is person:
        found.append("(the person)")
    return found


def undeclared_models() -> list[str]:
    """Models that look personal and are not in the registry: the completeness test's answer."""
    missing = []
    for model in apps.get_models():
        if model._meta.auto_created or model._meta.proxy:
            continue
        fields = looks_personal(model)
        if fields and declared(model) is None:
            missing.append(f"{model._meta.label} ({', '.join(fields)})")
    return missing


# --- export -----------------------------------------------------------------------------------


def _field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    model_field = model._meta.get_field(name)
    if not isinstance(model_field, models.Field):
        raise TypeError(f"{model._meta.label}.{name} is not a field of its own.")
    return model_field


def _person_model() -> type[models.Model]:
    return apps.get_model(settings.AUTH_USER_MODEL)


def _row_to_dict(
    declaration: PersonalData, row: models.Model, person: Any, files: dict[str, FieldFile]
) -> dict[str, Any]:
    model = type(row)
    person_model = _person_model()
    names = declaration.export_fields or tuple(
        f.name
        for f in model._meta.concrete_fields
        if f.name not in {"search_text", "password", "token"}
    )
    exported: dict[str, Any] = {}
    for name in names:
        model_field = _field(model, name)
        if model_field.many_to_many:
            related = getattr(row, name).all()
            if model_field.related_model is person_model:
                # other people in the list are theirs to export, not this person's
                exported[name] = [gettext("you") for item in related if item.pk == person.pk]
            else:
                exported[name] = [str(item) for item in related]
            continue
        if model_field.is_relation:
            target_id = getattr(row, model_field.attname)
            if target_id is None:
                exported[name] = None
            elif model_field.related_model is person_model:
                exported[name] = gettext("you") if target_id == person.pk else None
            else:
                exported[name] = str(getattr(row, name))
            continue
        value = getattr(row, name)
        if isinstance(value, FieldFile):
            if value:
                path = f"files/{declaration.area}/{model._meta.model_name}/{row.pk}/" + (
                    PurePosixPath(str(value.name)).name
                )
                files[path] = value
                exported[name] = path
            else:
                exported[name] = None
            continue
        if isinstance(value, Promise):
            value = str(value)
        exported[name] = value
    return exported


def privacy_export(person: Any) -> bytes:
    """The person's data as a ZIP: one `<area>.json` per area (every registered model with
    rows of theirs, by its name), their files under `files/`, and a `README.txt`. Texts are in
    the person's language."""
    files: dict[str, FieldFile] = {}
    areas: dict[str, dict[str, list[dict[str, Any]]]] = {}
    with translation.override(getattr(person, "language", None) or settings.LANGUAGE_CODE):
        for declaration in registered():
            model = declaration.model_class
            rows = [
                _row_to_dict(declaration, row, person, files)
                for row in declaration.rows_of(person).order_by("pk")
            ]
            areas.setdefault(declaration.area, {})[str(model._meta.verbose_name_plural)] = rows
        readme_text = gettext(
            "Your data on Transferraum, as of %(date)s. Each JSON file holds one area of the "
            "platform; your files are in the folder “files”. Questions: see the privacy page."
        ) % {"date": timezone.localtime().strftime("%Y-%m-%d %H:%M")}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme_text + "\n")
        for area_name, content in areas.items():
            archive.writestr(
                f"{area_name}.json",
                json.dumps(content, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            )
        for path, stored in files.items():
            with stored.storage.open(str(stored.name), "rb") as handle:
                archive.writestr(path, handle.read())
    return buffer.getvalue()


# --- erasure ----------------------------------------------------------------------------------


def erasure_refusals(person: Any) -> list[str]:
    """Why the person's account cannot be erased yet (with what to do first); empty: it can."""
    refusals = []
    for declaration in registered():
        if declaration.refuse is not None:
            message = declaration.refuse(person)
            if message:
                refusals.append(str(message))
    return refusals


def _delete_files(row: models.Model, names: Iterable[str]) -> None:
    for name in names:
        stored = getattr(row, name)
        if stored:
            stored.storage.delete(stored.name)


def identifiers_of(person: Any, *, own: bool = False) -> list[str]:
    """What finds a person in a text: their name and e-mail address; in rows of their own
    (`own`: a message they wrote, signed with their first name) also each word of the name
    but academic titles. Words shorter than three letters are left out."""
    name = person.name.strip()
    found = [name, person.email]
    if own:
        found += [word for word in name.split() if not word.endswith(".")]
    # the longest first, so that the full name goes before its parts
    return sorted({value for value in found if len(value) >= 3}, key=len, reverse=True)


def _replaced(text: str, identifiers: Iterable[str], placeholder: str) -> str:
    for identifier in identifiers:
        pattern = rf"(?<!\w){re.escape(identifier)}(?!\w)"
        text = re.sub(pattern, placeholder, text, flags=re.IGNORECASE)
    return text


def _scrub(value: Any, identifiers: list[str], placeholder: str) -> Any:
    if isinstance(value, str):
        return _replaced(value, identifiers, placeholder)
    if isinstance(value, list):
        return [_scrub(item, identifiers, placeholder) for item in value]
    if isinstance(value, dict):
        return {key: _scrub(item, identifiers, placeholder) for key, item in value.items()}
    return value


def _mentioning(model: type[models.Model], name: str, identifiers: list[str]) -> QuerySet[Any]:
    condition = Q()
    for identifier in identifiers:
        condition |= Q(**{f"{name}__icontains": identifier})
        escaped = json.dumps(identifier)[1:-1]  # JSON columns may hold "M\u00fcller"
        if escaped != identifier:
            condition |= Q(**{f"{name}__icontains": escaped})
    return model._default_manager.filter(condition)


def mentions_scrub(identifiers: list[str], placeholder: str, person: Any = None) -> int:
    """Replace the identifiers in every declared `mentions` field of every row (of `person`'s
    own rows only, when given); returns how many rows changed."""
    changed = 0
    for declaration in registered():
        model = declaration.model_class
        for name in declaration.mentions:
            rows = _mentioning(model, name, identifiers)
            if person is not None:
                rows = rows.filter(pk__in=declaration.rows_of(person).values("pk"))
            for row in rows.iterator():
                old = getattr(row, name)
                new = _scrub(old, identifiers, placeholder)
                if new != old:
                    setattr(row, name, new)
                    row.save(update_fields=[name])
                    changed += 1
    return changed


def _anonymise_rows(declaration: PersonalData, person: Any, placeholder: str) -> None:
    model = declaration.model_class
    for row in declaration.rows_of(person).iterator():
        _delete_files(row, declaration.files)
        updates: dict[str, Any] = {}
        for name, value in declaration.anonymise.items():
            updates[name] = value(row) if callable(value) else value
        for name in declaration.files:
            updates[name] = ""
        for name in declaration.person_fields:
            model_field = _field(model, name)
            if model_field.many_to_many:
                getattr(row, name).remove(person)
            elif getattr(row, model_field.attname) == person.pk:
                updates[name] = None
        for name, value in updates.items():
            setattr(row, name, str(placeholder) if isinstance(value, Promise) else value)
        if updates:
            row.save(update_fields=list(updates))


def privacy_erase(person: Any) -> None:
    """Erase what the registry says of `person`, before the account itself is deleted: each
    app's own step first, then the declared deletions and anonymisations (files from storage
    included), then every quote of the name or e-mail address in other people's rows. The
    caller holds the transaction and checks `erasure_refusals` first."""
    with translation.override(settings.LANGUAGE_CODE):
        placeholder = str(FORMER_MEMBER)
    identifiers = identifiers_of(person)
    # what the person wrote may name them by their first name alone
    mentions_scrub(identifiers_of(person, own=True), placeholder, person)
    for declaration in registered():
        if declaration.before_erase is not None:
            declaration.before_erase(person)
    for declaration in registered():
        if declaration.erase == Erase.DELETE:
            for row in declaration.rows_of(person).iterator():
                _delete_files(row, declaration.files)
            declaration.model_class._default_manager.filter(
                pk__in=declaration.rows_of(person).values("pk")
            ).delete()
        elif declaration.erase == Erase.ANONYMISE:
            _anonymise_rows(declaration, person, placeholder)
    mentions_scrub(identifiers, placeholder)


# --- retention --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Purged:
    model: str
    rows: int


def expired_rows(declaration: PersonalData, now: Any = None) -> QuerySet[Any] | None:
    """The rows of `declaration` past their retention period, or None without a period."""
    retention = declaration.retention
    if retention is None:
        return None
    now = now or timezone.now()
    queryset = declaration.model_class._default_manager.filter(
        **{f"{retention.field}__lt": now - timedelta(days=retention.days)}
    )
    if retention.only is not None:
        queryset = queryset.filter(retention.only)
    return queryset


def privacy_purge(now: Any = None) -> list[Purged]:
    """Delete every row past its period (its files from storage first); one entry per model
    with rows deleted."""
    purged = []
    for declaration in registered():
        queryset = expired_rows(declaration, now)
        if queryset is None:
            continue
        count = 0
        for row in queryset.iterator():
            _delete_files(row, declaration.files)
            count += 1
        if count:
            queryset.delete()
            purged.append(Purged(declaration.model, count))
    return purged


# --- the Art. 30 record -----------------------------------------------------------------------


@dataclass(frozen=True)
class RecordEntry:
    name: str
    area: str
    purpose: Text
    legal_basis: Text
    people: Text
    data: str
    recipients: Text
    retention: str
    erasure: str


ERASURE_LABELS = {
    Erase.DELETE: _("deleted"),
    Erase.ANONYMISE: _("kept without the person (anonymised)"),
    Erase.KEEP: _("the link to the person is removed"),
}


def retention_text(declaration: PersonalData) -> str:
    retention = declaration.retention
    if retention is None:
        return str(declaration.retention_text or UNTIL_ERASURE)
    label = _field(declaration.model_class, retention.field).verbose_name
    return gettext("Deleted %(days)s days after “%(field)s”") % {
        "days": retention.days,
        "field": label,
    }


def data_categories(declaration: PersonalData) -> str:
    """The kinds of data, named by the fields the export carries."""
    model = declaration.model_class
    names = declaration.export_fields or tuple(
        f.name
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name not in {"search_text", "password", "token"}
    )
    return ", ".join(str(_field(model, name).verbose_name) for name in names)


def processing_record() -> Iterator[RecordEntry]:
    """The record of processing activities, one entry per registered model; `area` is its
    app's name."""
    for declaration in sorted(registered(), key=lambda d: (d.area, d.model)):
        meta = declaration.model_class._meta
        yield RecordEntry(
            name=str(meta.verbose_name_plural),
            area=str(meta.app_config.verbose_name) if meta.app_config else declaration.area,
            purpose=declaration.purpose,
            legal_basis=declaration.legal_basis,
            people=declaration.people,
            data=data_categories(declaration),
            recipients=declaration.recipients,
            retention=retention_text(declaration),
            erasure=str(ERASURE_LABELS[declaration.erase]),
        )


# --- core's own models and the framework's -----------------------------------------------------

ACTIVITY = PrivacyArea(
    area="activity",
    purpose=_("Keeping a traceable history of who changed what"),
    legal_basis=LEGITIMATE_INTEREST,
    people=MEMBERS,
    recipients=OPERATOR,
)

privacy_register(
    PersonalData(
        "core.Activity",
        recipients=PROGRAMME,
        person_fields=("actor",),
        export_fields=("verb", "target_repr", "data", "created_at"),
        # the fact stays, the actor goes (SET_NULL) and so does every quote of their name
        erase=Erase.KEEP,
        mentions=("target_repr", "data"),
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "admin.LogEntry",
        people=_("Administrators, and the people whose records they changed"),
        person_fields=("user",),
        export_fields=("action_time", "object_repr", "change_message"),
        erase=Erase.DELETE,
        mentions=("object_repr", "change_message"),
        retention=Retention(1095, "action_time"),
    ),
    PersonalData(
        "core.FormSubmission",
        purpose=_("Answering a form sent twice only once"),
        # the claim of the request that runs (the erasure's own) is the middleware's to finish
        rows=lambda person: (
            apps.get_model("core", "FormSubmission")
            ._default_manager.filter(owner=f"user:{person.pk}")
            .exclude(status="running")
        ),
        export_fields=("path", "started_at"),
        erase=Erase.DELETE,
        mentions=("body",),
        retention=Retention(1, "started_at"),
    ),
    PersonalData(
        "core.AccessEntry",
        purpose=_("Showing people who saw their data in lists for the programme team"),
        recipients=_("The person whose data was seen; the platform's operators"),
        # the person's own entries; a viewer's deleted account leaves the fact (SET_NULL)
        person_fields=("person",),
        export_fields=("place", "day", "seen_at"),
        erase=Erase.DELETE,
        retention=Retention(730, "seen_at"),
    ),
    NotPersonal("core.ScheduledRun", "Which server ran a scheduled command; no people."),
    NotPersonal("auth.Group", "Names of permission groups."),
    NotPersonal("auth.Permission", "Names of permissions."),
    NotPersonal(
        "django_tasks_database.DBTaskResult",
        "Background tasks carry ids only; the queue's and backend's names matched the test.",
    ),
    defaults=ACTIVITY,
)
