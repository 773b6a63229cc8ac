"""Single sign-on settings from the environment: the SAML identity providers (a university's
Shibboleth in the DFN-AAI) and the OpenID Connect providers, as django-allauth's
`SOCIALACCOUNT_PROVIDERS`. Read by config/settings/base.py; imports no model.

SAML: `SAML_IDPS=leipzig,htwk` names the providers; per provider (name in capitals, `-` as
`_`) `SAML_<NAME>_LABEL` (shown on the discovery page), `SAML_<NAME>_ENTITY_ID` and either
`SAML_<NAME>_METADATA_URL` (fetched and cached by allauth) or `SAML_<NAME>_METADATA_FILE`
(read once at start). OpenID Connect: `OIDC_PROVIDERS=…`; per provider `OIDC_<NAME>_LABEL`,
`OIDC_<NAME>_SERVER_URL` (the issuer), `OIDC_<NAME>_CLIENT_ID`, `OIDC_<NAME>_SECRET`.
docs/sso.md describes every variable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_list, env_str

_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
SAML_PAIRWISE_ID = "urn:oasis:names:tc:SAML:attribute:pairwise-id"
SAML_SUBJECT_ID = "urn:oasis:names:tc:SAML:attribute:subject-id"
SAML_MAIL = "urn:oid:0.9.2342.19200300.100.1.3"
SAML_DISPLAY_NAME = "urn:oid:2.16.840.1.113730.3.1.241"
SAML_GIVEN_NAME = "urn:oid:2.5.4.42"
SAML_SURNAME = "urn:oid:2.5.4.4"
SAML_SCOPED_AFFILIATION = "urn:oid:1.3.6.1.4.1.5923.1.1.1.9"

# The person is identified by the pairwise-id (preferred, one per service) or the subject-id;
# never by the NameID or the e-mail address, which may change or pass to another person.
SAML_ATTRIBUTE_MAPPING: dict[str, list[str]] = {
    "uid": [SAML_PAIRWISE_ID, SAML_SUBJECT_ID],
    "email": [SAML_MAIL],
    "name": [SAML_DISPLAY_NAME],
    "first_name": [SAML_GIVEN_NAME],
    "last_name": [SAML_SURNAME],
}


def _prefix(kind: str, name: str) -> str:
    return f"{kind}_{name.upper().replace('-', '_')}_"


def idp_from_metadata_file(path: str, entity_id: str) -> dict[str, str]:
    """The identity provider's entity id, single sign-on address and signing certificate from
    a metadata file (a single IdP's or a federation's aggregate, picked by `entity_id`), in
    allauth's inline form. A file without that IdP or without a signing certificate stops the
    start: a provider whose signatures cannot be checked must not be offered."""
    from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser

    try:
        xml = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        message = f"SAML metadata file {path!r} cannot be read: {error}"
        raise ImproperlyConfigured(message) from error
    parsed = OneLogin_Saml2_IdPMetadataParser.parse(
        xml, entity_id=entity_id or None, required_sso_binding=_REDIRECT
    )
    idp = parsed.get("idp", {})
    cert = idp.get("x509cert") or next(iter(idp.get("x509certMulti", {}).get("signing", [])), "")
    sso_url = idp.get("singleSignOnService", {}).get("url", "")
    if not idp.get("entityId") or not cert or not sso_url:
        raise ImproperlyConfigured(
            f"SAML metadata file {path!r} has no identity provider {entity_id!r} with a signing "
            "certificate and a single sign-on address (HTTP-Redirect)."
        )
    return {"entity_id": idp["entityId"], "x509cert": cert, "sso_url": sso_url}


def saml_app(slug: str) -> dict[str, Any]:
    """One SAML provider's allauth app from `SAML_<NAME>_*`."""
    prefix = _prefix("SAML", slug)
    entity_id = env_str(prefix + "ENTITY_ID", "")
    metadata_url = env_str(prefix + "METADATA_URL", "")
    metadata_file = env_str(prefix + "METADATA_FILE", "")
    if bool(metadata_url) == bool(metadata_file):
        raise ImproperlyConfigured(
            f"Set exactly one of {prefix}METADATA_URL and {prefix}METADATA_FILE."
        )
    idp: dict[str, Any]
    if metadata_url:
        if not entity_id:
            raise ImproperlyConfigured(f"{prefix}ENTITY_ID is required with a metadata URL.")
        idp = {"entity_id": entity_id, "metadata_url": metadata_url}
    else:
        idp = idp_from_metadata_file(metadata_file, entity_id)
    advanced: dict[str, Any] = {
        "strict": True,
        # Shibboleth signs the assertion; the whole response only when configured to.
        "want_assertion_signed": True,
        "want_message_signed": env_bool(prefix + "WANT_MESSAGES_SIGNED", False),
        "want_attribute_statement": True,
        "reject_idp_initiated_sso": True,
        "reject_deprecated_algorithm": True,
    }
    cert_file = env_str("SAML_SP_CERT_FILE", "")
    key_file = env_str("SAML_SP_KEY_FILE", "")
    if cert_file and key_file:
        advanced["x509cert"] = Path(cert_file).read_text(encoding="utf-8")
        advanced["private_key"] = Path(key_file).read_text(encoding="utf-8")
        advanced["authn_request_signed"] = True
    settings: dict[str, Any] = {
        "attribute_mapping": SAML_ATTRIBUTE_MAPPING,
        "idp": idp,
        "advanced": advanced,
    }
    sp_entity_id = env_str("SAML_SP_ENTITY_ID", "")
    if sp_entity_id:
        settings["sp"] = {"entity_id": sp_entity_id}
    # provider_id: each IdP's accounts are its own (SocialAccount.provider), apart from others'.
    return {
        "provider_id": slug,
        "client_id": slug,
        "name": env_str(prefix + "LABEL", slug),
        "settings": settings,
    }


def oidc_app(slug: str) -> dict[str, Any]:
    """One OpenID Connect provider's allauth app from `OIDC_<NAME>_*`."""
    prefix = _prefix("OIDC", slug)
    return {
        "provider_id": slug,
        "name": env_str(prefix + "LABEL", slug),
        "client_id": env_str(prefix + "CLIENT_ID"),
        "secret": env_str(prefix + "SECRET"),
        "settings": {
            "server_url": env_str(prefix + "SERVER_URL"),
            "token_auth_method": "client_secret_post",
            "oauth_pkce_enabled": True,
        },
    }


def socialaccount_providers() -> dict[str, dict[str, Any]]:
    """`SOCIALACCOUNT_PROVIDERS` for every provider the environment names."""
    return {
        "saml": {
            "provider_class": "transferraum.accounts.sso_providers.SamlProvider",
            "APPS": [saml_app(slug) for slug in env_list("SAML_IDPS", [])],
        },
        "openid_connect": {
            "provider_class": "transferraum.accounts.sso_providers.OidcProvider",
            "APPS": [oidc_app(slug) for slug in env_list("OIDC_PROVIDERS", [])],
        },
    }


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def sso_form_action_origins(providers: dict[str, dict[str, Any]]) -> list[str]:
    """The origins the sign-in redirects to, for the Content-Security-Policy's form-action: a
    SAML provider's single sign-on address (from a metadata file), else its entity id's host
    (where a Shibboleth IdP answers), or `SAML_<NAME>_SSO_URL` when it answers elsewhere; an
    OpenID Connect provider's issuer."""
    origins: list[str] = []
    for app in providers.get("saml", {}).get("APPS", []):
        idp = app["settings"]["idp"]
        explicit = env_str(_prefix("SAML", app["client_id"]) + "SSO_URL", "")
        origins.append(_origin(explicit or idp.get("sso_url") or idp["entity_id"]))
    origins.extend(
        _origin(app["settings"]["server_url"])
        for app in providers.get("openid_connect", {}).get("APPS", [])
    )
    return sorted({origin for origin in origins if origin})
