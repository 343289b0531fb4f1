"""Shared fixtures: where ../shared and corpus/ are, and a strict processing helper."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared holds third-party reference data; not part of a clone)")
    return path


@pytest.fixture
def strict_process():
    import toolkit

    def run(text, **kw):
        return toolkit.process(text, strict=True, **kw)

    return run
