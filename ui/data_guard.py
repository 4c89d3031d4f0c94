"""The page's data guard: build the database on first start, stop the page when there is none, and the
sidebar's "add an announcement" form (shown only when writes are allowed)."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import streamlit as st

from ui import data, ingest
from ui.i18n import t

_BUILD_LOCK = threading.Lock()  # one first-start build per process, however many sessions arrive


def ensure_data(lang: str) -> None:
    """Stop the page with a message unless there is a database with documents (build it on first start)."""
    state = data.status()
    if state == "missing" and not data.read_only():  # data/raw only: no visitor input
        _build(lang)
        state = data.status()
    if state == "missing":
        st.info(t("no_db_ro", lang), icon="ℹ️")
        st.stop()
    if state == "broken":
        st.warning(f"{t('build_failed', lang)}: {data.db_path().name}", icon="⚠️")
        st.stop()
    if state == "empty":
        st.info(t("empty_db", lang), icon="ℹ️")
        add_announcement(lang)
        st.stop()


def _build(lang: str) -> None:
    """Build the database from data/raw/ in an ingest subprocess (first start, e.g. on Community Cloud)."""
    settings = data.settings()
    with _BUILD_LOCK, st.spinner(t("building", lang)):
        if settings.db_path.exists():  # another session built it while this one waited
            return
        outcome = ingest.run([str(settings.raw_dir)], settings)
    if not settings.db_path.exists():  # a failed build must not become a traceback on every page
        st.error(f"{t('build_failed', lang)}: {outcome.refused_busy or _last(outcome)}")
        st.stop()


def _last(outcome: ingest.Outcome) -> str:
    return (outcome.errors or outcome.lines or [f"exit code {outcome.returncode}"])[-1]


def add_announcement(lang: str) -> None:
    """Sidebar form: upload a file or paste a public URL and ingest it (only when writes are allowed)."""
    if not data.writes_allowed():
        return
    with st.sidebar.expander(t("add", lang)), st.form("add_announcement", clear_on_submit=True):
        upload = st.file_uploader(t("add_file", lang), type=["txt", "html", "htm", "pdf"])
        url = st.text_input(t("add_url", lang), placeholder="https://")
        submitted = st.form_submit_button(t("add_go", lang))
    if submitted and (upload is not None or url.strip()):
        _ingest_one(upload, url.strip(), lang)


def _ingest_one(upload: object, url: str, lang: str) -> None:
    """Refuse a non-public URL at once; otherwise run the ingest and show its progress and error lines."""
    settings = data.settings()
    if url and (why := ingest.check_url(url)):
        st.sidebar.error(f"{t('refused', lang)}: {why}")
        return
    inputs = [url] if url else []
    if upload is not None:
        body = upload.getvalue()
        name = Path(upload.name).name.replace(" ", "_") or "upload.txt"
        path = settings.raw_dir / "uploads" / f"{hashlib.sha256(body).hexdigest()[:12]}_{name}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
        inputs.append(str(path))
    with st.sidebar, st.status(t("building", lang)) as status:
        progress = st.empty()
        outcome = ingest.run(inputs, settings, on_line=lambda line: progress.text(line))
        for line in outcome.errors:
            st.text(line)  # text element: an error line quotes a URL or title, never rendered as Markdown
        status.update(state="complete" if outcome.ok else "error")
    if outcome.refused_busy:
        st.sidebar.warning(outcome.refused_busy)
    elif outcome.ok:
        st.sidebar.success(t("added", lang))
    else:
        st.sidebar.error(f"{t('build_failed', lang)}: {_last(outcome)}")
