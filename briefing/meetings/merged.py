"""A meeting as the pack shows it, and the reports of one meeting merged into it: facts citing every
article that states them, one summary drawing on every report, the figures its reports give
differently flagged as conflicts (grouping the reports is briefing.meetings)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from briefing.compare import compare
from briefing.extract.confidence import left_out
from briefing.extract.facts import ArticleFacts, shown_facts
from briefing.flags import CONFLICT
from briefing.meetings import fullest_first, group_articles, merge_facts, same_figure
from briefing.summarize.summary import Summary, merge_summaries
from briefing.text.writing import first_few

# A meeting's section is bounded, however many articles report one meeting (thousands of
# copies of one news item must not make thousands of pages): reports named and cited, figures
# and conflicts in its section, flags a figures-table row shows, articles the annex lists.
REPORTS_NAMED = 10
REPORTS_CITED = 6
SECTION_FIGURES = 30
SECTION_CONFLICTS = 5


@dataclass
class Meeting:
    """A meeting as the pack shows it: its facts and summary, drawn from every article that reports it."""

    facts: ArticleFacts
    summary: Summary | None  # None when only facts were asked for
    anchor: str
    articles: list[ArticleFacts] = field(default_factory=list)  # each report's own facts; [] for one article
    conflicts: list = field(default_factory=list)  # (FigureRow, Flag): its reports give a figure differently

    @property
    def reports(self) -> list[ArticleFacts]:
        """The articles that report the meeting, fullest first."""
        return self.articles or [self.facts]

    def numbers(self, sources) -> str:
        """"1, 3": the reports (numbered from 1, fullest first) among ``sources``, to cite them briefly;
        past REPORTS_CITED, "1, 3, 5, 8, 9, 12 +240"."""
        order = {a.source: n for n, a in enumerate(self.reports, 1)}
        return first_few([order[s] for s in sources if s in order], REPORTS_CITED)

    @property
    def named_reports(self) -> list[ArticleFacts]:
        """The reports the section names, at most REPORTS_NAMED (the annex lists articles too)."""
        return self.reports[:REPORTS_NAMED]

    @property
    def unnamed_reports(self) -> int:
        return max(0, len(self.reports) - REPORTS_NAMED)

    @property
    def shown_conflicts(self) -> list:
        return self.conflicts[:SECTION_CONFLICTS]

    @property
    def more_conflicts(self) -> int:
        return max(0, len(self.conflicts) - SECTION_CONFLICTS)

    @property
    def date(self) -> str | None:
        return self.facts.info.date

    @property
    def figure_groups(self) -> list[tuple[str, list]]:
        """Figures grouped by the sentence they came from, in article order: the first SECTION_FIGURES."""
        groups: dict[str, list] = {}
        for figure in self.facts.figures[:SECTION_FIGURES]:
            groups.setdefault(figure.sentence, []).append(figure)
        return list(groups.items())

    @property
    def shown_figures(self) -> list:
        return self.facts.figures[:SECTION_FIGURES]

    @property
    def more_figures(self) -> int:
        """Figures the section leaves to `briefing extract`."""
        return max(0, len(self.facts.figures) - SECTION_FIGURES)


def merge_meetings(reports: list[Meeting], words: int | None = None) -> list[Meeting]:
    """One Meeting for each meeting the reports tell of (see meetings.py), by date: facts merged,
    each citing every article that states it; one summary drawing on every report (within ``words``
    words if given); the figures its reports give differently flagged as conflicts."""
    merged = []
    for group in group_articles([r.facts for r in reports]):
        chosen = [reports[i] for i in group]
        chosen = [chosen[i] for i in fullest_first([m.facts for m in chosen])]
        if len(chosen) == 1:
            merged.append(chosen[0])
            continue
        facts = merge_facts([m.facts for m in chosen])
        conflicts = meeting_conflicts(facts)
        summaries = [m.summary for m in chosen if m.summary is not None]
        summary = merge_summaries(summaries, words, outvoted(conflicts, facts.source)) if summaries else None
        merged.append(Meeting(facts, summary, "", [m.facts for m in chosen], conflicts))
    return sorted(merged, key=lambda m: (m.date or "9999", m.facts.title))


def as_shown(meetings: list[Meeting], threshold: float | None) -> list[Meeting]:
    """The meetings as a pack shows them: each figure of a confidence below ``threshold``
    (``confidence.held_back``; a figure several reports state is as sure as the surest) moved from
    the tables to the numbers the annex lists under the reports that state it; the conflicts
    between reports, of the figures left."""
    return [_as_shown(m, threshold) for m in meetings] if threshold else meetings


def _as_shown(meeting: Meeting, threshold: float) -> Meeting:
    facts = shown_facts(meeting.facts, threshold)
    if not meeting.articles:
        return replace(meeting, facts=facts)
    reports = [held_in(a, facts.figures) for a in meeting.articles]
    return replace(meeting, facts=facts, articles=reports, conflicts=meeting_conflicts(facts))


def held_in(report: ArticleFacts, shown: list) -> ArticleFacts:
    """A report whose figures its meeting's tables do not show are listed as not attributed."""
    figures, held = [], []
    for figure in report.figures:
        (figures if any(same_figure(figure, s) for s in shown) else held).append(figure)
    if not held:
        return report
    return replace(report, figures=figures, unattributed=[left_out(f) for f in held] + report.unattributed)


def meeting_conflicts(facts: ArticleFacts) -> list:
    """(FigureRow, Flag) for each figure a meeting's reports give differently."""
    return [(row, flag) for row, flag in compare([facts]).flags if flag.kind == CONFLICT]


def outvoted(conflicts: list, fullest: str) -> set[str]:
    """The sentences of figures that lose a conflict: stated by fewer of the meeting's articles than
    the figure they contradict (on a tie, not by the fullest report). A summary does not repeat them."""
    losers = set()
    for _, flag in conflicts:
        a, b = (fact.cell for fact in flag.facts)
        votes_a, votes_b = len(a.articles) + (fullest in a.articles) / 2, len(b.articles) + (fullest in b.articles) / 2
        losers.add((b if votes_a > votes_b else a).sentence)
    return losers
