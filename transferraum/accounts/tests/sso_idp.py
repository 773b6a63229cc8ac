"""A real SAML identity provider inside the test process: pysaml2's IdP `Server` with its own
key, signing its responses with the xmlsec1 binary (Debian package `xmlsec1`). The unit tests
and the browser journey use it; `configure_sp` points the platform at it through the same
environment variables production uses (metadata from a file)."""

from __future__ import annotations

import base64
import datetime as dt
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import entity_descriptor
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_TRANSIENT, NameID
from saml2.server import Server

from transferraum.accounts.sso_settings import (
    SAML_DISPLAY_NAME,
    SAML_MAIL,
    SAML_PAIRWISE_ID,
    SAML_SCOPED_AFFILIATION,
    SAML_SUBJECT_ID,
)

IDP_ENTITY_ID = "https://idp.uni-test.example/idp/shibboleth"
IDP_SSO_URL = "https://idp.uni-test.example/idp/profile/SAML2/Redirect/SSO"
SLUG = "uni-test"
PASSWORD_PROTECTED = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
REFEDS_MFA = "https://refeds.org/profile/mfa"


def _key_and_cert(directory: Path) -> tuple[Path, Path]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "idp.uni-test.example")])
    now = dt.datetime.now(tz=dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .sign(key, hashes.SHA256())
    )
    key_path, cert_path = directory / "idp.key", directory / "idp.crt"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def identity(
    *,
    pairwise_id: str | None = "k3x9q@uni-test.example",
    subject_id: str | None = None,
    email: str = "lena.student@uni-test.example",
    name: str = "Lena Student",
    affiliation: tuple[str, ...] = ("student@uni-test.example", "member@uni-test.example"),
) -> dict[str, list[str]]:
    """The attributes a Shibboleth IdP in the DFN-AAI releases, by their URI names."""
    attributes = {
        SAML_MAIL: [email],
        SAML_DISPLAY_NAME: [name],
        SAML_SCOPED_AFFILIATION: list(affiliation),
    }
    if pairwise_id:
        attributes[SAML_PAIRWISE_ID] = [pairwise_id]
    if subject_id:
        attributes[SAML_SUBJECT_ID] = [subject_id]
    return attributes


@dataclass
class UniversityIdP:
    """The identity provider. `metadata_file` is its metadata as a Shibboleth IdP publishes
    it; `server(sp_metadata)` builds the pysaml2 server that knows the platform."""

    directory: Path
    key_file: Path
    cert_file: Path
    metadata_file: Path
    sso_url: str = IDP_SSO_URL
    extra_sp_metadata: list[str] = field(default_factory=list)

    @classmethod
    def create(cls, sso_url: str = IDP_SSO_URL) -> UniversityIdP:
        """`sso_url`: where the IdP's sign-in page answers (the browser journey runs one)."""
        directory = Path(tempfile.mkdtemp(prefix="tr-test-idp-"))
        key_file, cert_file = _key_and_cert(directory)
        idp = cls(directory, key_file, cert_file, directory / "idp-metadata.xml", sso_url)
        config = idp._config(sp_metadata=[])
        idp.metadata_file.write_text(str(entity_descriptor(config)), encoding="utf-8")
        return idp

    def _config(self, *, sp_metadata: list[str]) -> IdPConfig:
        config = IdPConfig()
        config.load(
            {
                "entityid": IDP_ENTITY_ID,
                "service": {
                    "idp": {
                        "endpoints": {
                            "single_sign_on_service": [(self.sso_url, BINDING_HTTP_REDIRECT)]
                        },
                        "name_id_format": [NAMEID_FORMAT_TRANSIENT],
                        "policy": {
                            "default": {
                                "lifetime": {"minutes": 5},
                                "name_form": NAME_FORMAT_URI,
                                "attribute_restrictions": None,
                            }
                        },
                        "want_authn_requests_signed": False,
                    }
                },
                "key_file": str(self.key_file),
                "cert_file": str(self.cert_file),
                "xmlsec_binary": "/usr/bin/xmlsec1",
                "metadata": {"inline": sp_metadata},
                "allow_unknown_attributes": True,
            }
        )
        return config

    def environment(self) -> dict[str, str]:
        """The variables that connect the platform to this IdP (docs/sso.md)."""
        return {
            "SAML_IDPS": SLUG,
            "SAML_UNI_TEST_LABEL": "Universität Test",
            "SAML_UNI_TEST_ENTITY_ID": IDP_ENTITY_ID,
            "SAML_UNI_TEST_METADATA_FILE": str(self.metadata_file),
        }

    def respond(
        self,
        *,
        sp_metadata: str,
        saml_request: str,
        attributes: dict[str, list[str]],
        sign_assertion: bool = True,
        sign_response: bool = False,
        destination: str | None = None,
        audience_sp: str | None = None,
        authn_class: str = PASSWORD_PROTECTED,
    ) -> str:
        """The base64 SAMLResponse to the AuthnRequest `saml_request` (from the redirect)."""
        metadata = [sp_metadata, *self.extra_sp_metadata]
        server = Server(config=self._config(sp_metadata=metadata))
        request = server.parse_authn_request(saml_request, BINDING_HTTP_REDIRECT)
        message = request.message
        acs = message.assertion_consumer_service_url
        response = server.create_authn_response(
            attributes,
            in_response_to=message.id,
            destination=destination or acs,
            sp_entity_id=audience_sp or message.issuer.text,
            name_id=NameID(format=NAMEID_FORMAT_TRANSIENT, text="_transient-123"),
            authn={"class_ref": authn_class, "authn_auth": IDP_ENTITY_ID},
            sign_assertion=sign_assertion,
            sign_response=sign_response,
            sign_alg="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            digest_alg="http://www.w3.org/2001/04/xmlenc#sha256",
        )
        return base64.b64encode(str(response).encode("utf-8")).decode("ascii")


def redirect_parts(location: str) -> tuple[str, str]:
    """SAMLRequest and RelayState from the SP's redirect to the IdP."""
    query = parse_qs(urlsplit(location).query)
    return query["SAMLRequest"][0], query.get("RelayState", [""])[0]


def decode_request(saml_request: str) -> str:
    """The AuthnRequest's XML (HTTP-Redirect: deflated, base64)."""
    return zlib.decompress(base64.b64decode(saml_request), -15).decode("utf-8")


def acs_url(saml_request: str) -> str:
    """Where the platform wants the response (the AuthnRequest's AssertionConsumerServiceURL)."""
    xml = decode_request(saml_request)
    start = xml.index('AssertionConsumerServiceURL="') + len('AssertionConsumerServiceURL="')
    return xml[start : xml.index('"', start)]


def tamper(saml_response: str, old: str, new: str) -> str:
    """The response with `old` replaced by `new` after it was signed."""
    xml = base64.b64decode(saml_response).decode("utf-8")
    assert old in xml, f"{old!r} not in the response"
    return base64.b64encode(xml.replace(old, new).encode("utf-8")).decode("ascii")


def sp_metadata_with_entity(sp_metadata: str, entity_id: str) -> str:
    """Another service's metadata: the platform's with a different entity id."""
    start = sp_metadata.index('entityID="') + len('entityID="')
    end = sp_metadata.index('"', start)
    return sp_metadata[:start] + entity_id + sp_metadata[end:]
