from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVAL = ROOT.parent / "shared" / "eval"


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture
def eval_rouge() -> Path:
    folder = EVAL / "rouge"
    if not folder.is_dir():
        pytest.skip("the development set ../shared/eval/rouge is not here (as on a user's clone)")
    return folder


@pytest.fixture
def eval_meetings() -> Path:
    folder = EVAL / "meetings"
    if not folder.is_dir():
        pytest.skip("the development set ../shared/eval/meetings is not here (as on a user's clone)")
    return folder


@pytest.fixture
def place(tmp_path, monkeypatch):
    """A working folder with an input folder ``in/`` of three seeds, as a weekly run sees it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    for prefix in ("000", "001", "004"):
        shutil.copy(seed(prefix), tmp_path / "in")
    return tmp_path


def ship(patch: pytest.MonkeyPatch, model) -> None:
    """Make ``model`` the shipped confidence model for a test, whatever confidence.json holds (analysis
    in this process, or in workers forked from it)."""
    from briefing.extract import confidence, facts

    for module in (confidence, facts):
        patch.setattr(module, "shipped_model", lambda: model)


def doubt_figures_stated_in_passing(patch: pytest.MonkeyPatch) -> None:
    """A confidence that doubts the figures of an article reporting two or three (the seeds: Thanh Hóa's
    two 2023 targets) and trusts the others, with a threshold of 0.5 for the tables: they hold those two
    back whatever model is shipped, for the tests of what a pack does with held-back figures."""
    from briefing.extract.confidence import RULES, Model

    ship(patch, Model(RULES, 0.0, {"article: two or three figures reported": -3.0}, shown_from=0.5))


@pytest.fixture
def doubting_passing_figures(monkeypatch):
    doubt_figures_stated_in_passing(monkeypatch)
