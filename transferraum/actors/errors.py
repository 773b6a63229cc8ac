from transferraum.core.errors import DomainError


class InvitationInvalid(DomainError):
    """The invitation link cannot be used (expired, used, revoked or unknown)."""


class DuplicateOrganisation(DomainError):
    """An organisation of that name exists in the town already; `existing` names it."""

    def __init__(self, message: str, *, existing: object) -> None:
        super().__init__(message, field="name")
        self.existing = existing
