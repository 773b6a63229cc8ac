"""Serving the site for a benchmark as in production: gunicorn with production settings, two
workers, on 127.0.0.1, static files collected into a work directory.

`server_env` gives the environment (a fresh secret key, the given database, e-mail and map tiles
switched off); `manage` runs a management command with it; `serve` starts gunicorn, waits until it
answers and stops it afterwards; `worker_rss` reads the resident memory of its workers from /proc.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKERS = 2
# What `make db` does to a new database: the schema, the cache table and the reference data.
DATABASE_STEPS: tuple[tuple[str, ...], ...] = (
    ("migrate", "--no-input", "-v0"),
    ("createcachetable",),
    ("load_region",),
    ("load_competences",),
    ("load_catalogue",),
    ("load_train_connections",),
)


def server_env(
    workdir: Path, port: int, *, database_url: str | None = None, bench_mode: bool = False
) -> dict[str, str]:
    """Production settings on loopback; SQLite in `workdir` unless `database_url` is given.
    `bench_mode` switches on the layout page and the query-count header (BENCH_MODE)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url or f"sqlite:///{workdir / 'transferraum.sqlite3'}",
        "TRANSFERRAUM_VAR_DIR": str(workdir),
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "MAP_TILE_URL": "/map-tiles-disabled/{z}/{x}/{y}.png",
        "LOG_LEVEL": "WARNING",
        "BENCH_MODE": "true" if bench_mode else "false",
    }


def manage(env: dict[str, str], *args: str) -> str:
    """Run `manage.py args` with `env`; its output, or the error on stderr and an exception."""
    done = subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.stderr.write(done.stdout[-4000:] + done.stderr)
        done.check_returncode()
    return done.stdout


def manage_shell(env: dict[str, str], code: str) -> str:
    """The last line `code` prints in `manage.py shell` (Django's shell may print its automatic
    imports first)."""
    return manage(env, "shell", "-c", code).strip().splitlines()[-1]


@dataclass(frozen=True)
class Server:
    base: str
    pid: int


@contextmanager
def serve(env: dict[str, str], port: int, *, workers: int = WORKERS) -> Iterator[Server]:
    """gunicorn on 127.0.0.1:`port` until the block ends; its log in the work directory."""
    base = f"http://127.0.0.1:{port}"
    gunicorn = Path(sys.executable).with_name("gunicorn")
    log = (Path(env["TRANSFERRAUM_VAR_DIR"]) / "gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603 (our own server)
        [str(gunicorn), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=120):  # noqa: S310 (local URL)
                    break
            except OSError:  # refused while gunicorn starts
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("gunicorn did not answer") from None
                time.sleep(0.5)
        yield Server(base, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (gunicorn's workers), from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        if parse_ppid(stat) == pid:
            found.append(int(entry.name))
    return found


def parse_ppid(stat: str) -> int:
    """The parent's pid from the text of /proc/<pid>/stat (the command in brackets may hold
    spaces and brackets, so the fields count from the last ")")."""
    return int(stat.rsplit(")", 1)[1].split()[1])


def parse_rss_kb(status: str) -> int:
    """VmRSS in KiB from the text of /proc/<pid>/status (0 when missing)."""
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def worker_rss(pid: int) -> list[int]:
    """The resident memory of each of gunicorn's workers in bytes."""
    sizes = []
    for child in children(pid):
        try:
            sizes.append(parse_rss_kb(Path(f"/proc/{child}/status").read_text()) * 1024)
        except OSError:
            continue
    return sizes
