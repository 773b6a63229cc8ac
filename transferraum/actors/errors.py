from transferraum.core.errors import DomainError


class InvitationInvalid(DomainError):
    """The invitation link cannot be used (expired, used, revoked or unknown)."""
