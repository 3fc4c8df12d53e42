"""The pytest plugin (registered through the ``pytest11`` entry point).

Fixtures:

``ems``
    a fresh ``emshell.Shell`` on a copy of the built-in organization, with its own sandbox
    directory (drive C:) under the test's ``tmp_path``.
``ems_org``
    a factory: ``ems_org("org.yaml")`` gives a fresh shell on the organization in that YAML
    file (a relative path is looked up beside the test file first).  Keyword arguments go to
    ``Shell`` (``width``, ``inputs``, ``clock`` ...).

Golden transcripts: every ``.ps1`` file under the directories named by the ini option
``emshell_ps1_paths`` is a test that replays the script and compares the transcript with the
``.out`` file beside it (see ``emshell.testing.golden``); ``--ps1-update`` rewrites the
``.out`` files; a mismatch fails with a unified diff.

Nothing here is shared between tests: each test and each case builds its own shell and
sandbox, so the plugin is safe under pytest-xdist.  The only cache, parsed org files, lives
on the session's ``config`` and hands out copies.
"""

from __future__ import annotations

import pytest

from emshell.testing.golden import GoldenCase, transcript_diff

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path
    from typing import Any

    from emshell.shell import Shell

ORG_CACHE = pytest.StashKey[dict]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("emshell", "emshell golden transcripts")
    group.addoption("--ps1-update", action="store_true", default=False,
                    help="rewrite the expected transcript (.out) of each .ps1 golden test")  # fmt: skip
    parser.addini("emshell_ps1_paths", "directories whose .ps1 scripts are golden transcript tests",
                  type="paths", default=[])  # fmt: skip


def pytest_configure(config: pytest.Config) -> None:
    config.stash[ORG_CACHE] = {}


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def ems(tmp_path: Path) -> Iterator[Shell]:
    """A fresh shell on a copy of the built-in organization."""
    from emshell.shell import Shell

    with Shell(sandbox=tmp_path / "C") as shell:
        yield shell


@pytest.fixture
def ems_org(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[..., Shell]]:
    """A factory of shells on organizations read from YAML files."""
    from emshell.shell import Shell

    shells: list[Shell] = []

    def make(path: str | Path, **options: Any) -> Shell:
        org = _load_org(request, path)
        options.setdefault("sandbox", tmp_path / f"C{len(shells) or ''}")
        shell = Shell(org, **options)
        shells.append(shell)
        return shell

    yield make
    for shell in shells:
        shell.close()


def _load_org(request: pytest.FixtureRequest, path: str | Path) -> Any:
    """A copy of the organization in ``path``; each file is parsed once per session."""
    from pathlib import Path

    from emshell.model import Organization

    candidate = Path(path)
    if not candidate.is_absolute():
        beside = Path(request.path).parent / candidate
        candidate = beside if beside.exists() else Path.cwd() / candidate
    candidate = candidate.resolve()
    cache = request.config.stash[ORG_CACHE]
    stamp = candidate.stat().st_mtime_ns
    cached = cache.get(candidate)
    if cached is None or cached[0] != stamp:
        cached = cache[candidate] = (stamp, Organization.load(candidate))
    return cached[1].copy()


# --------------------------------------------------------------------------- golden transcripts


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix.lower() != ".ps1":
        return None
    roots = parent.config.getini("emshell_ps1_paths")
    if not any(file_path == root or root in file_path.parents for root in roots):
        return None
    return Ps1File.from_parent(parent, path=file_path)


class Ps1File(pytest.File):
    """A .ps1 script: one golden transcript test."""

    def collect(self) -> Iterator[pytest.Item]:
        yield Ps1Item.from_parent(self, name="transcript")


class TranscriptMismatch(Exception):
    """The script's transcript is not the expected one (the message is the diff)."""


class Ps1Item(pytest.Item):
    def runtest(self) -> None:
        import tempfile

        case = GoldenCase(self.path)
        with tempfile.TemporaryDirectory(prefix="emshell-golden-") as sandbox:
            actual = case.run(sandbox, self._org(case)).text
        expected = case.expected_text()
        if self.config.getoption("ps1_update"):
            if expected != actual:
                case.write_expected(actual)
            return
        if expected is None:
            raise TranscriptMismatch(
                f"{case.expected.name} does not exist yet: run pytest with --ps1-update to write it from the "
                "actual transcript, then review it."
            )
        if expected != actual:
            raise TranscriptMismatch(transcript_diff(expected, actual, self.path.stem))

    def _org(self, case: GoldenCase) -> Any:
        if not case.org_file.is_file():
            return None
        cache = self.config.stash[ORG_CACHE]
        key = case.org_file.resolve()
        stamp = key.stat().st_mtime_ns
        cached = cache.get(key)
        if cached is None or cached[0] != stamp:
            cached = cache[key] = (stamp, case.load_org())
        return cached[1].copy()

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, TranscriptMismatch):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"golden transcript of {self.path.name}"
