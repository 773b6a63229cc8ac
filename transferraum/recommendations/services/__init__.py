"""Every write on recommendations, by sub-domain: drafts and evidence (`drafts`), the lifecycle
from approval to evaluation, one service per step (`lifecycle`), implementation milestones
(`implementation`) and the reminders (`reminders`); `common` holds the rules on values, the
timeline entry and the lock they share.

Each write records a `RecommendationEvent` (the timeline) and an entry of the activity log, and
runs in one transaction: a refused step leaves nothing behind. Callers import from this package
(`from transferraum.recommendations.services import recommendation_hand_over`).
"""

from transferraum.recommendations.services.common import CONTENT_FIELDS, PLACE_FIELDS
from transferraum.recommendations.services.drafts import (
    DuplicateDraft,
    recommendation_create,
    recommendation_evidence_set,
    recommendation_update,
)
from transferraum.recommendations.services.implementation import (
    milestone_add,
    milestone_update,
    recommendation_progress_set,
)
from transferraum.recommendations.services.lifecycle import (
    RULES,
    STEP_SERVICES,
    AlreadyRequested,
    RecommendationRules,
    recommendation_adopt,
    recommendation_adopt_with_changes,
    recommendation_approve,
    recommendation_confirm_receipt,
    recommendation_defer,
    recommendation_evaluate,
    recommendation_hand_over,
    recommendation_mark_implemented,
    recommendation_put_on_agenda,
    recommendation_reject,
    recommendation_reopen,
    recommendation_request_approval,
    recommendation_resume_review,
    recommendation_start_implementation,
    recommendation_start_review,
)
from transferraum.recommendations.services.reminders import (
    ReminderItem,
    ReminderReport,
    recommendation_reminders_send,
)

__all__ = [
    "CONTENT_FIELDS",
    "PLACE_FIELDS",
    "RULES",
    "STEP_SERVICES",
    "AlreadyRequested",
    "DuplicateDraft",
    "RecommendationRules",
    "ReminderItem",
    "ReminderReport",
    "milestone_add",
    "milestone_update",
    "recommendation_adopt",
    "recommendation_adopt_with_changes",
    "recommendation_approve",
    "recommendation_confirm_receipt",
    "recommendation_create",
    "recommendation_defer",
    "recommendation_evaluate",
    "recommendation_evidence_set",
    "recommendation_hand_over",
    "recommendation_mark_implemented",
    "recommendation_progress_set",
    "recommendation_put_on_agenda",
    "recommendation_reject",
    "recommendation_reminders_send",
    "recommendation_reopen",
    "recommendation_request_approval",
    "recommendation_resume_review",
    "recommendation_start_implementation",
    "recommendation_start_review",
    "recommendation_update",
]
