"""The checklist of each stage gate: what the founders tick before the venture passes into that
stage. Keys are stored (`ChecklistTick.item`): never change one."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Item:
    key: str
    label: str | Promise


# gate (the stage reached) → items
CHECKLISTS: dict[str, tuple[Item, ...]] = {
    "team": (
        Item("two_people", _("At least two people work on the venture")),
        Item("roles_agreed", _("Roles and shares are agreed in writing")),
    ),
    "validated": (
        Item("interviews", _("At least ten interviews with possible customers")),
        Item("problem_confirmed", _("The problem is confirmed by the interviews")),
        Item("market_size", _("The market is estimated")),
    ),
    "prototype": (
        Item("prototype_built", _("A prototype or first version exists")),
        Item("user_tested", _("People of the target group have tried it")),
    ),
    "funded": (
        Item("financial_plan", _("A financial plan for two years")),
        Item("funding_confirmed", _("Funding is confirmed in writing")),
    ),
    "founded": (
        Item("company_registered", _("The company is registered")),
        Item("bank_account", _("The company has a business account")),
    ),
    "settled": (
        Item("seat_in_region", _("The seat is in the programme's region")),
        Item("first_staff", _("At least one person works there")),
    ),
}
