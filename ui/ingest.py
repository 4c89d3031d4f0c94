"""Ingests started from the dashboard: always a separate `python -m etl ingest` process.

A subprocess keeps the extraction pool out of the Streamlit server (a spawned worker would otherwise re-run
the page script as its __main__), runs under the CLI's exclusive ingest lock (a second ingest is refused
with "another ingest (pid N) is running"), and gives its progress and `error:` lines as text to show.
URLs typed into the dashboard are fetched under etl/netguard (POLICY_PUBLIC_ONLY=1): public http(s)
only, every redirect checked, never a server path. No streamlit here, so it is tested directly.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from etl.config import ROOT, Settings
from etl.netguard import Guard, RefusedURL

_URL = re.compile(r"^https?://", re.I)
_LINE_END = re.compile(r"[\r\n]+")  # tqdm redraws its bar with \r
TIMEOUT_S = 1800  # a stuck ingest must not hold a session thread forever


@dataclass
class Outcome:
    """What the ingest process said: its exit code, its error lines and its last summary lines."""

    returncode: int
    errors: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def refused_busy(self) -> str | None:
        """The CLI's line when another ingest holds the lock, else None."""
        return next((x for x in self.lines if "another ingest" in x), None)


def check_url(url: str, guard: Guard | None = None) -> str | None:
    """Why the URL box's text may not be fetched (not an http(s) URL, or not a public address), else None."""
    if not _URL.match(url):
        return "only http(s) URLs (or an uploaded file) can be added here"
    try:
        (guard or Guard()).check(url)
    except RefusedURL as exc:
        return exc.reason
    return None


def command(inputs: list[str], settings: Settings) -> list[str]:
    """The ingest command line: this interpreter, the ETL's CLI, the dashboard's database."""
    return [sys.executable, "-m", "etl", "ingest", *inputs, "--db", str(settings.db_path)]


def run(inputs: list[str], settings: Settings, on_line: Callable[[str], None] = lambda _: None) -> Outcome:
    """Run the ingest to its end, passing each output line (progress, errors, summary) to on_line."""
    env = {**os.environ, "POLICY_PUBLIC_ONLY": "1", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        command(inputs, settings),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    out = Outcome(returncode=-1)
    assert proc.stdout is not None
    buffer = ""
    for chunk in iter(lambda: proc.stdout.read(256), ""):
        buffer += chunk
        *done, buffer = _LINE_END.split(buffer)
        for line in filter(None, (x.strip() for x in done)):
            _keep(out, line, on_line)
    if buffer.strip():
        _keep(out, buffer.strip(), on_line)
    out.returncode = proc.wait(timeout=TIMEOUT_S)
    return out


def _keep(out: Outcome, line: str, on_line: Callable[[str], None]) -> None:
    if line.startswith("error:") or "Traceback" in line:
        out.errors.append(line)
    out.lines = [*out.lines[-19:], line]
    on_line(line)
