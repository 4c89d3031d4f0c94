"""Sources: every document, full-text search, and a document's text with its extracted facts highlighted."""

import streamlit as st

from ui import fmt, plain, sections, tables, views, widgets
from ui.highlight import Span, highlight_html, legend_html, locate
from ui.i18n import code, t
from ui.sidebar import page_param, set_page_param

f, view = widgets.start("sources")
lang = view.lang

health = views.SOURCE_HEALTH.load()
if not health.empty:
    with st.expander(t("source_health", lang), expanded=bool((health["n_failures"] > 0).any())):
        st.caption(t("source_health_help", lang))
        widgets.table(health, view, key="source_health")

search = st.text_input(t("search_text", lang), value=page_param("text") or "", max_chars=100).strip()
set_page_param("text", search)
n_docs = views.FACT_COUNTS.load(f, search=search)["n_documents"].iloc[0]
docs = widgets.paged(views.DOCUMENTS, f, n_docs, key="documents", lang=lang, search=search)
widgets.table(docs, view, key="documents", height=300, hide=("kind",))  # kind: file format

titles = tables.document_labels(docs, lang)
options = views.choices(titles, page_param("doc"))
if not options:
    st.stop()
doc_id = st.selectbox(t("pick_document", lang), options, format_func=lambda d: titles.get(d, d), key="doc")
set_page_param("doc", doc_id)

doc = views.DOCUMENT_TEXT.load(document_id=doc_id)
if doc.empty:
    st.warning(t("no_rows", lang))
    st.stop()
d = doc.iloc[0]
st.header(plain.md(d["title"] if fmt.present(d["title"]) else d["source"]))
st.caption(f"{fmt.day(d['published_on'], lang=lang)} · {code(d['lang'], lang)} · {plain.md(d['source'])}")
if url := plain.web_url(d["url"]):
    st.link_button(t("open_source", lang), url)

facts = views.DOCUMENT_FACTS.load(document_id=doc_id)
spans = []
for fact in facts.itertuples():
    where = locate(d["text"], fact.ev_start, fact.ev_end, fact.evidence)
    if where:
        spans.append(Span(where[0], where[1], fact.fact, f"{code(fact.fact, lang)}: {fact.label}"))
st.html(
    legend_html({k: code(k, lang) for k in ("budget", "mention", "participation", "site", "country_fact")})
)
st.html(highlight_html(d["text"], spans))  # every character of the document is escaped
widgets.document_tables(doc_id, lang)  # tables as tables, budget cells marked

st.subheader(t("facts", lang))
if sections.table_switch("facts_table", lang=lang):  # marked in the text above: a table behind a switch
    widgets.table(facts, view, key="document_facts")
