"""The filters of a list page, declared once: read from the URL, written back to it, shown.

A list page declares what it can be filtered by as a frozen dataclass of `Filters` whose fields
come from `search`, `choice`, `multiple_choice`, `model_choice`, `model_pk` and `flag`. Each
names its URL parameter (German, as the page shows it), its label, and for a select the text of
the empty option:

    @dataclass(frozen=True)
    class BoardFilters(Filters):
        query: str = search("q", label=_("Search"))
        topic: str = model_choice("thema", TopicField, label=_("Topic field"), …)

`from_query(request.GET)` keeps only values the platform knows and drops the rest without a
word: NUL characters (PostgreSQL refuses them), numbers too large for a database column,
choices and keys that do not exist. An old or tampered link shows more results, never an error.
`querystring()` writes the filters back in the declared order without defaults, so one
selection has one URL; the page number is `seite` on every page. `chips(url)` lists the active
filters, each with the link that removes it, and `select(name, …)` describes a filter's
`<select>` for `components/filter_select.html`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any, ClassVar, Self, TypeAlias, cast
from urllib.parse import urlencode

from django.db.models import Model
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

PAGE_PARAM = "seite"
QUERY_MAX_LENGTH = 200
# Nine digits stay below 2**31: every integer column, SQLite and the paginator accept them,
# and int() never meets a string longer than its limit.
MAX_DIGITS = 9

_PARAM = "transferraum.filter"

Label: TypeAlias = str | Promise
Choices: TypeAlias = Iterable[tuple[Any, Label]]


def _clean(raw: str) -> str:
    """PostgreSQL refuses NUL characters in strings: they can only come from tampering."""
    return raw.replace("\x00", "").strip()


def _last(raws: Sequence[str]) -> str:
    """The value `QueryDict.get` would give: the last one."""
    return _clean(raws[-1]) if raws else ""


def _number(raw: str) -> int | None:
    """A positive whole number of at most `MAX_DIGITS` digits, else None.

    isdecimal(), not isdigit(): "²" is a digit that int() refuses.
    """
    if raw.isdecimal() and len(raw) <= MAX_DIGITS and int(raw) > 0:
        return int(raw)
    return None


# --- how one field is read and written -------------------------------------------------------


class Param:
    """One filter's URL parameter: parsing, writing back, and the words for it."""

    default: Any = ""

    def __init__(
        self, key: str, *, label: Label, empty_label: Label = "", sticky: bool = False
    ) -> None:
        self.key = key
        self.label = label
        self.empty_label = empty_label
        # A sticky parameter (the directory's tab) chooses a view rather than narrowing it:
        # it is no chip, does not count as a filter, and "reset all" keeps it.
        self.sticky = sticky

    def parse(self, raws: Sequence[str]) -> tuple[Any, dict[str, str]]:
        """The cleaned value and the labels of its items that only the database knew."""
        raise NotImplementedError

    def serialise(self, value: Any) -> list[str]:
        """The URL values of `value`; none for the default."""
        return [] if value == self.default else [str(value)]

    def remove(self, value: Any, item: str) -> Any:
        """`value` without the chip `item`."""
        return self.default

    def display(self, item: str, labels: Mapping[str, str]) -> str:
        return labels.get(item, item)

    def options(self) -> list[tuple[str, str]]:
        """The options of its select when they are fixed (choices), else empty."""
        return []


class Search(Param):
    """Words to look for: whitespace collapsed, cut at `max_length`."""

    def __init__(self, key: str, *, label: Label, max_length: int = QUERY_MAX_LENGTH) -> None:
        super().__init__(key, label=label)
        self.max_length = max_length

    def parse(self, raws: Sequence[str]) -> tuple[str, dict[str, str]]:
        # Stripped again after the cut, so that the written-back words read back the same.
        return " ".join(_last(raws).split())[: self.max_length].strip(), {}


class Choice(Param):
    """One of fixed choices (`TextChoices.choices` or pairs of value and label)."""

    def __init__(
        self,
        key: str,
        *,
        choices: Choices,
        label: Label,
        empty_label: Label = "",
        default: str = "",
        sticky: bool = False,
    ) -> None:
        super().__init__(key, label=label, empty_label=empty_label, sticky=sticky)
        self.choices: tuple[tuple[str, Label], ...] = tuple(
            (str(value), text) for value, text in choices
        )
        self.default = default

    def parse(self, raws: Sequence[str]) -> tuple[Any, dict[str, str]]:
        raw = _last(raws)
        return (raw if raw in dict(self.choices) else self.default), {}

    def display(self, item: str, labels: Mapping[str, str]) -> str:
        if item in labels:  # kept from choices given for one request
            return labels[item]
        return str(dict(self.choices).get(item, item))

    def among(self, choices: Choices) -> Self:
        """This parameter with other choices (those of one request)."""
        other = copy.copy(self)
        other.choices = tuple((str(value), text) for value, text in choices)
        return other

    def options(self) -> list[tuple[str, str]]:
        return [(value, str(text)) for value, text in self.choices]


class MultipleChoice(Choice):
    """Any of fixed choices, kept in the order of the choices so one selection has one URL."""

    default: tuple[str, ...] = ()

    def __init__(self, key: str, *, choices: Choices, label: Label) -> None:
        super().__init__(key, choices=choices, label=label)
        self.default = ()

    def parse(self, raws: Sequence[str]) -> tuple[tuple[str, ...], dict[str, str]]:
        requested = {_clean(raw) for raw in raws}
        return tuple(value for value, _text in self.choices if value in requested), {}

    def serialise(self, value: Any) -> list[str]:
        return list(value)

    def remove(self, value: Any, item: str) -> tuple[str, ...]:
        return tuple(chosen for chosen in value if chosen != item)


class ModelChoice(Param):
    """A row of `model` named by `to_field` (a slug or key), checked in one small query whose
    row also gives the chip its label (`str(row)`)."""

    def __init__(
        self,
        key: str,
        model: type[Model],
        *,
        to_field: str,
        label: Label,
        empty_label: Label = "",
        only: tuple[str, ...] = (),
    ) -> None:
        super().__init__(key, label=label, empty_label=empty_label)
        self.model = model
        self.to_field = to_field
        self.only = only

    def _accepts(self, raw: str) -> bool:
        max_length = getattr(self.model._meta.get_field(self.to_field), "max_length", None)
        return bool(raw) and (max_length is None or len(raw) <= max_length)

    def lookup(self, raw: str) -> Model | None:
        rows = self.model._default_manager.filter(**{self.to_field: raw})
        if self.only:
            rows = rows.only(self.to_field, *self.only)
        return rows.first()

    def parse(self, raws: Sequence[str]) -> tuple[Any, dict[str, str]]:
        raw = _last(raws)
        row = self.lookup(raw) if self._accepts(raw) else None
        if row is None:
            return self.default, {}
        return raw, {raw: str(row)}


class ModelPk(ModelChoice):
    """A row of `model` by its primary key (`int | None`)."""

    default = None

    def __init__(
        self,
        key: str,
        model: type[Model],
        *,
        label: Label,
        empty_label: Label = "",
        only: tuple[str, ...] = (),
    ) -> None:
        super().__init__(key, model, to_field="pk", label=label, empty_label=empty_label, only=only)

    def _accepts(self, raw: str) -> bool:
        return _number(raw) is not None

    def lookup(self, raw: str) -> Model | None:
        rows = self.model._default_manager.filter(pk=int(raw))
        if self.only:
            rows = rows.only(*self.only)
        return rows.first()

    def parse(self, raws: Sequence[str]) -> tuple[int | None, dict[str, str]]:
        raw, labels = super().parse(raws)
        return (None if raw is None else int(raw)), {
            str(int(key)): text for key, text in labels.items()
        }


class Flag(Param):
    """Yes or no: present as `1` (also `on`, `true`, `ja`, as forms and people write it)."""

    default = False

    def parse(self, raws: Sequence[str]) -> tuple[bool, dict[str, str]]:
        return _last(raws).lower() in {"1", "on", "true", "ja"}, {}

    def serialise(self, value: Any) -> list[str]:
        return ["1"] if value else []

    def display(self, item: str, labels: Mapping[str, str]) -> str:
        return str(self.label)


# --- declaring fields -------------------------------------------------------------------------
# Each returns a dataclass field whose default is the parameter's default, so a dataclass of
# `Filters` can be built directly (`BoardFilters(topic="mobilitaet")`) as well as parsed.


def _field(param: Param) -> Any:
    return field(default=param.default, metadata={_PARAM: param})


def search(key: str, *, label: Label, max_length: int = QUERY_MAX_LENGTH) -> str:
    return cast(str, _field(Search(key, label=label, max_length=max_length)))


def choice(
    key: str,
    *,
    choices: Choices,
    label: Label,
    empty_label: Label = "",
    default: str = "",
    sticky: bool = False,
) -> str:
    param = Choice(
        key,
        choices=choices,
        label=label,
        empty_label=empty_label,
        default=default,
        sticky=sticky,
    )
    return cast(str, _field(param))


def multiple_choice(key: str, *, choices: Choices, label: Label) -> tuple[str, ...]:
    return cast(tuple[str, ...], _field(MultipleChoice(key, choices=choices, label=label)))


def model_choice(
    key: str,
    model: type[Model],
    *,
    to_field: str = "slug",
    label: Label,
    empty_label: Label = "",
    only: tuple[str, ...] = (),
) -> str:
    param = ModelChoice(
        key, model, to_field=to_field, label=label, empty_label=empty_label, only=only
    )
    return cast(str, _field(param))


def model_pk(
    key: str,
    model: type[Model],
    *,
    label: Label,
    empty_label: Label = "",
    only: tuple[str, ...] = (),
) -> int | None:
    param = ModelPk(key, model, label=label, empty_label=empty_label, only=only)
    return cast("int | None", _field(param))


def flag(key: str, *, label: Label) -> bool:
    return cast(bool, _field(Flag(key, label=label)))


# --- what the page shows ----------------------------------------------------------------------


@dataclass(frozen=True)
class Chip:
    """An active filter: what it is, its value, and the link that removes it."""

    label: str
    value: str
    url: str


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool


@dataclass(frozen=True)
class OptionGroup:
    label: str
    options: list[Option]


@dataclass(frozen=True)
class Select:
    """One filter's `<select>` for `components/filter_select.html`."""

    name: str
    id: str
    label: str
    empty_label: str
    options: list[Option]
    groups: list[OptionGroup]

    @property
    def options_html(self) -> SafeString:
        """The `<option>`s and `<optgroup>`s after the empty one, escaped. Built here rather
        than in a template loop: the directory's competence select has hundreds of options,
        and the loop cost more than the rest of the filter form."""
        parts = [_options_html(self.options)]
        parts.extend(
            format_html(
                '<optgroup label="{}">{}</optgroup>', group.label, _options_html(group.options)
            )
            for group in self.groups
        )
        return mark_safe("".join(parts))  # noqa: S308 - every part went through format_html


def _options_html(options: list[Option]) -> SafeString:
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (option.value, " selected" if option.selected else "", option.label)
            for option in options
        ),
    )


Pairs: TypeAlias = Iterable[tuple[Any, Any]]


@dataclass(frozen=True)
class Filters:
    """The base of every list page's filters; see the module's docstring."""

    page_param: ClassVar[str] = PAGE_PARAM

    page: int = 1
    # Labels of the values only the database knew, by field: {"topic": {"mobilitaet": "…"}}.
    value_labels: Mapping[str, Mapping[str, str]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def declared(cls) -> Iterator[tuple[str, Param]]:
        """(field name, parameter) of every filter, in the declared order."""
        for each in fields(cls):
            if _PARAM in each.metadata:
                yield each.name, each.metadata[_PARAM]

    @classmethod
    def param(cls, name: str) -> Param:
        """The parameter of the filter field `name` (KeyError for any other name)."""
        return dict(cls.declared())[name]

    @classmethod
    def from_query(cls, data: QueryDict, *, choices: Mapping[str, Choices] | None = None) -> Self:
        """Parse the GET parameters; values the platform does not know are dropped.

        `choices` gives a choice field the choices of this request by field name (the districts
        a graph has), where the declaration cannot know them.
        """
        values: dict[str, Any] = {}
        labels: dict[str, Mapping[str, str]] = {}
        for name, declared in cls.declared():
            param = declared
            if choices and name in choices:
                if not isinstance(declared, Choice):
                    raise TypeError(f"{cls.__name__}.{name} has no choices to replace")
                param = declared.among(choices[name])
            values[name], labels[name] = param.parse(data.getlist(param.key))
            if param is not declared:
                # The chips cannot ask the declaration for these labels: keep them.
                labels[name] = {
                    item: param.display(item, {}) for item in param.serialise(values[name])
                }
        page = _number(_clean(data.get(cls.page_param, "")))
        return cls(page=page or 1, value_labels=labels, **values)

    def applies(self, name: str) -> bool:
        """Whether the filter `name` narrows the list shown now. A page whose view ignores some
        filters (the directory's people ignore offers) says so here: they stay in the URL, so
        nothing is lost, but show no chip and count as no filter."""
        return True

    @property
    def is_filtered(self) -> bool:
        """Whether anything narrows the list (a sticky parameter does not)."""
        return any(
            getattr(self, name) != param.default
            for name, param in self.declared()
            if not param.sticky and self.applies(name)
        )

    def params(self) -> list[tuple[str, str]]:
        """The filters as URL parameters, in the declared order and without defaults."""
        items = [
            (param.key, value)
            for name, param in self.declared()
            for value in param.serialise(getattr(self, name))
        ]
        if self.page > 1:
            items.append((self.page_param, str(self.page)))
        return items

    def querystring(self, **changes: Any) -> str:
        """`?…` of these filters with `changes` (`page=2`); "" when all are defaults."""
        filters = replace(self, **changes) if changes else self
        items = filters.params()
        return f"?{urlencode(items)}" if items else ""

    def without(self, name: str, item: str | None = None) -> Self:
        """These filters without `name` (or only its value `item`), from the first page."""
        param = self.param(name)
        value = param.default if item is None else param.remove(getattr(self, name), item)
        return replace(self, page=1, **{name: value})

    def cleared(self) -> Self:
        """No filters; sticky parameters (a tab) stay."""
        return type(self)(
            **{name: getattr(self, name) for name, param in self.declared() if param.sticky}
        )

    def chips(self, url: str) -> list[Chip]:
        """The active filters, each with `url` plus the query that removes it."""
        return [
            Chip(
                label=str(param.label),
                value=param.display(item, self.value_labels.get(name, {})),
                url=url + self.without(name, item).querystring(),
            )
            for name, param in self.declared()
            if not param.sticky and self.applies(name)
            for item in param.serialise(getattr(self, name))
        ]

    def select(
        self,
        name: str,
        options: Pairs | None = None,
        *,
        groups: Iterable[tuple[Any, Pairs]] = (),
    ) -> Select:
        """The select of `name` with `options` (value, label) or `groups` of them (label,
        options); without either, the parameter's fixed choices."""
        param = self.param(name)
        chosen = set(param.serialise(getattr(self, name)))

        def listed(pairs: Pairs) -> list[Option]:
            return [Option(str(value), str(text), str(value) in chosen) for value, text in pairs]

        if options is None and not groups:
            options = param.options()
        return Select(
            name=param.key,
            id=f"id_{param.key}",
            label=str(param.label),
            empty_label=str(param.empty_label),
            options=listed(options or ()),
            groups=[OptionGroup(str(text), listed(pairs)) for text, pairs in groups],
        )


__all__ = [
    "Chip",
    "Filters",
    "Option",
    "OptionGroup",
    "Select",
    "choice",
    "flag",
    "model_choice",
    "model_pk",
    "multiple_choice",
    "search",
]
