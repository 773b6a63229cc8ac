"""Recognise an uploaded file's type by its first bytes, not by what its name claims."""

from __future__ import annotations

import io
import zipfile

# kind → file name endings that may carry it
KINDS: dict[str, tuple[str, ...]] = {
    "pdf": (".pdf",),
    "png": (".png",),
    "jpeg": (".jpg", ".jpeg"),
    "gif": (".gif",),
    "webp": (".webp",),
    "docx": (".docx",),
    "xlsx": (".xlsx",),
    "pptx": (".pptx",),
    "odt": (".odt",),
    "ods": (".ods",),
    "odp": (".odp",),
    "ms-office": (".doc", ".xls", ".ppt"),
}
_OOXML = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
_ODF = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}


def sniff(content: bytes) -> str | None:
    """The kind of file `content` is (a key of KINDS), or None when it is none we accept."""
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if content.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if content[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "webp"
    if content.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ms-office"
    if content.startswith(b"PK\x03\x04"):
        try:
            archive = zipfile.ZipFile(io.BytesIO(content))
            names = archive.namelist()
        except zipfile.BadZipFile:
            return None
        if "mimetype" in names:
            return _ODF.get(archive.read("mimetype").strip())
        if "[Content_Types].xml" in names:
            for prefix, kind in _OOXML.items():
                if any(name.startswith(prefix) for name in names):
                    return kind
    return None


def kind_matches_name(kind: str, name: str) -> bool:
    return name.lower().endswith(KINDS.get(kind, ()))
