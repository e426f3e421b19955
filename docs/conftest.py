"""The documentation's examples run from the repository root, so the paths
they show (``docs/examples/…``) work wherever pytest is started."""

import pytest


@pytest.fixture(autouse=True)
def _repository_root(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(request.config.rootpath)
