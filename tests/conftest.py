from __future__ import annotations

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
