"""The pack as HTML, PDF (WeasyPrint) or Markdown.

Article text only ever reaches the output through autoescaped templates, and
WeasyPrint may fetch nothing but the template folder's own files (fonts, CSS).
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup, escape

from briefing.flags import ATTENTION_KINDS
from briefing.render import DEFAULT_PDF_VARIANT
from briefing.render.chart import growth_chart
from briefing.render.trend_chart import trend_chart
from briefing.render.flag_text import flag_facts, flag_label, pack_citer, trend_mark
from briefing.render.labels import labels
from briefing.extract.figures import counted_place
from briefing.meetings.merged import REPORTS_NAMED
from briefing.pack import LISTED_IN_ANNEX, Pack, published, source_name
from briefing.render.templating import environment, template_dir, template_file, user_folder
from briefing.render.visible import md, md_code, md_link
from briefing.text.writing import date_text, figure_text, first_few, period_text

EXECUTIVE_ITEMS = 7  # themes, targets and flags in the executive summary; the rest are in their chapters
NEWS_ITEMS = 30  # new meetings, themes and targets listed under "new since the last run"; the rest counted
# A font file rule of pack.css: a screen uses the reader's own fonts instead.
FONT_FILE = re.compile(r"@font-face\s*\{[^}]*\}\s*")
UNATTRIBUTED_SHOWN = 8  # numbers set aside, listed per article in the annex; the rest are counted


class RenderError(RuntimeError):
    """The pack could not be rendered."""


def _figure_name(figure, text: dict) -> str:
    """"Nông thôn mới (xã)": the indicator, and the kind of place it counts where the unit does not say."""
    counts = counted_place(figure)
    name = text["indicator_names"][figure.indicator]
    return f"{name} ({text['counted'].get(counts, counts)})" if counts else name


def source_names(sources) -> str:
    """"a.txt; b.txt": the articles of a meeting, at most REPORTS_NAMED of them ("… +240")."""
    return first_few([source_name(s) for s in sources], REPORTS_NAMED, "; ", " … +")


def render_pack(pack: Pack, fmt: str, lang: str = "vi", template_folder: str | None = None,
                pdf_variant: str = DEFAULT_PDF_VARIANT) -> bytes | str:
    """The pack in ``fmt``: "pdf" (of ``pdf_variant``, see settings.PDF_VARIANTS), one self-contained
    "html" file, or "md"."""
    if fmt == "md":
        return render_markdown(pack, lang, template_folder)
    html = render_html(pack, lang, template_folder, for_screen=fmt == "html")
    return html if fmt == "html" else render_pdf(html, template_folder, pdf_variant)


def render_html(pack: Pack, lang: str = "vi", template_folder: str | None = None, for_screen: bool = False) -> str:
    """The pack as HTML: for WeasyPrint, with the shipped fonts; ``for_screen``, one self-contained
    file that a browser shows in the reader's own fonts (embedding three fonts made 5 articles 1.4 MB)."""
    folder = Path(template_folder) if template_folder else template_dir()
    text = labels(lang)
    env = environment(str(folder))
    css = template_file("pack.css", folder).read_text("utf-8")
    screen_css = template_file("screen.css", folder).read_text("utf-8") if for_screen else ""
    if for_screen:
        css = FONT_FILE.sub("", css)
    chart = growth_chart(
        pack.table_rows, text["chart_title"], text["target"], text["result"], text["whole_country"],
        no_target=text["no_target"], no_result=text["no_result"], lang=lang,
    )
    def trend_graph(trend) -> Markup:
        return Markup(trend_chart(trend.figures.get("economic_growth", []), text["trend_chart"], text["target"],
                                  text["result"], lang))

    return env.get_template("pack.html.j2").render(
        trend_chart=trend_graph,
        css=Markup(css),
        screen_css=Markup(screen_css),
        chart=Markup(chart),
        highlight=_highlighter([w for w, _ in pack.comparison.persistent_words]),
        **_shared(pack, lang, text),
    )


def render_markdown(pack: Pack, lang: str = "vi", template_folder: str | None = None) -> str:
    folder = Path(template_folder) if template_folder else template_dir()
    env = environment(str(folder))
    text = labels(lang)
    # Every article-controlled string reaches the Markdown through briefing/render/visible.py: text
    # (titles, outlets, sentences, places, figures) through md, a file name shown as code through
    # code, an address through link (an autolink of an http or https address only, else text).
    return env.get_template("pack.md.j2").render(md=md, code=md_code, link=md_link, **_shared(pack, lang, text))


def _shared(pack: Pack, lang: str, text: dict) -> dict:
    """What both pack templates are given: the pack, its labels, and writers of figures and dates."""
    return {
        "pack": pack,
        "t": text,
        "lang": lang,
        "title": pack.title or text["pack_title"],
        "period": period_text(*pack.period, lang, text["unknown"]),
        "day": lambda iso: date_text(iso, lang),
        "value": lambda cell, unit: figure_text(cell, unit, lang),
        "fact_value": lambda figure: figure_text(figure, lang=lang),
        "flag_label": lambda flag: flag_label(flag, lang),
        "flag_facts": lambda flag, unit: flag_facts(flag, unit, lang, pack_citer(pack.article_numbers, pack.outlets)),
        # the articles a row's target and result are stated in, cited as the flags cite them: "[2, 5] Báo Hà Tĩnh"
        "row_sources": lambda row: pack_citer(pack.article_numbers, pack.outlets)(
            list(dict.fromkeys(a for cell in (row.target, row.result) if cell for a in cell.articles))).strip(),
        "trend_mark": lambda row: trend_mark(row, lang),
        "attention": ATTENTION_KINDS,
        "source_name": source_name,
        "source_names": source_names,
        "published": published,
        "figure_name": lambda figure: _figure_name(figure, text),
        "executive_items": EXECUTIVE_ITEMS,
        "unattributed_shown": UNATTRIBUTED_SHOWN,
        "listed_in_annex": LISTED_IN_ANNEX,
        "news_items": NEWS_ITEMS,
    }


def render_pdf(html: str, template_folder: str | None = None, variant: str = DEFAULT_PDF_VARIANT) -> bytes:
    from weasyprint import HTML

    folder = user_folder(template_folder) or template_dir()
    try:
        return HTML(string=html, base_url=folder.as_uri() + "/", url_fetcher=asset_fetcher(folder)).write_pdf(
            pdf_variant=None if variant == "plain" else variant)
    except Exception as err:  # WeasyPrint raises many kinds; the caller needs one
        raise RenderError(f"PDF rendering failed: {err}") from err


def asset_fetcher(folder: Path):
    """A URL fetcher that serves the pack's assets (inside ``folder``, each falling back to the
    bundled file of the same name) and refuses everything else."""
    from weasyprint.urls import URLFetcher

    root = folder.resolve()

    class AssetFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not _inside(url, root):
                raise ValueError(f"refused to fetch {url}: only the pack's own assets are allowed")
            wanted = _path_of(url).relative_to(root)
            return super().fetch(template_file(str(wanted), root).as_uri(), headers)

    return AssetFetcher(allowed_protocols={"file"})


def _inside(url: str, root: Path) -> bool:
    if not url.startswith("file://"):
        return False
    path = _path_of(url)
    return path == root or root in path.parents


def _path_of(url: str) -> Path:
    from urllib.parse import unquote, urlparse

    return Path(unquote(urlparse(url).path)).resolve()


def _highlighter(words: list[str]):
    """Wrap watchwords that persist across years in <mark>, escaping everything else."""
    if not words:
        return lambda text: escape(text)
    one = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # Watchwords side by side are one box ("Kỷ cương trách nhiệm"): two boxes read as a box starting with a space.
    pattern = re.compile(rf"(?:{one})(?:\s+(?:{one}))*", re.IGNORECASE)

    def highlight(text: str) -> Markup:
        out, last = [], 0
        for m in pattern.finditer(text):
            out.append(escape(text[last : m.start()]))
            out.append(Markup("<mark>") + escape(m.group(0)) + Markup("</mark>"))
            last = m.end()
        out.append(escape(text[last:]))
        return Markup("").join(out)

    return highlight
