"""Hostile organization files and interrupted saves.

A truncated, malformed or hostile org file (alias bombs, a huge file, wrong types, duplicate
keys, deep nesting, binary garbage, YAML tags that would run code) is refused with one clear
line naming the file (and the line when there is one), safe loading only, and exit code 2 from
the CLI.  ``--save`` writes a temporary file and renames it: an interrupted save leaves the
previous file as it was and no temporary file behind.
"""

import os
import subprocess
import sys

import pytest

from emshell import Shell
from emshell.model import Organization, OrgFileError, orgfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAB = os.path.join(ROOT, "examples", "two-server-lab.yaml")


def lab_text() -> str:
    with open(LAB, encoding="utf-8") as handle:
        return handle.read()


def billion_laughs(levels: int) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


HOSTILE = [
    # (what is wrong, the file's text or bytes, the one-line message after "<file>")
    ("truncated mid-file", lab_text()[: lab_text().index("localServer") + 14],
     ":4: organization.localServer: there is no server named 'L'"),
    ("a billion laughs", billion_laughs(12), ":1: anchors and aliases are not allowed"),
    ("a merge key", "base: &base {x: 1}\norganization:\n  <<: *base\n",
     ":3: YAML error: could not determine a constructor for the tag 'tag:yaml.org,2002:merge'"),
    ("a Python object tag", "organization: !!python/object/apply:os.system ['echo pwned']\n",
     ":1: YAML error: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    ("a wrong type", "organization:\n  domain: [1, 2]\n", ":2: organization.domain: expected text, got '[1, 2]'"),
    ("a duplicate key", "organization:\n  domain: a.com\n  domain: b.com\n",
     ":3: organization.domain: duplicate key (first on line 2)"),
    ("nested flow 5000 deep", "organization: " + "[" * 5000 + "]" * 5000 + "\n",
     ":1: YAML syntax error: exceeded maximum nesting depth"),
    ("nested blocks 600 deep", "".join("  " * i + f"k{i}:\n" for i in range(600)),
     ":66: the file nests more than 64 levels deep"),
    ("a tab for indentation", "organization:\n\tdomain: x\n", ":2: YAML syntax error: found character that cannot start any token"),
    ("a NUL character", "organization:\n  domain: a\x00b.com\n",
     ":2: YAML error: unacceptable character #x0000: control characters are not allowed"),
    ("a list, not a mapping", "- 1\n- 2\n", ":1: an org file is a mapping of sections (organization, servers, dialPlans, ...)"),
    ("nothing at all", "", ": the file is empty"),
    ("a 900 KB value", "organization:\n  domain: " + "a" * 900_000 + ".com\n",
     ':2: organization.domain: "' + "a" * 39 + "..." + "a" * 15 + '.com" isn\'t a valid FQDN.'),
    ("a file over 1 MB", "# " + "x" * 2_000_000 + "\n", ": the file is larger than 1048576 bytes (2000003 bytes)"),
    ("binary garbage", bytes(range(256)) * 8, ": the file isn't UTF-8 text"),
]  # fmt: skip


def write(tmp_path, content) -> str:
    path = tmp_path / "hostile.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("problem", "content", "message"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_org_file_is_refused_with_one_clear_line(tmp_path, problem, content, message):
    path = write(tmp_path, content)
    with pytest.raises(OrgFileError) as caught:
        Organization.load(path)
    assert str(caught.value) == path + message
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("problem", "content", "message"), HOSTILE[:6], ids=[h[0] for h in HOSTILE[:6]])
def test_the_cli_reports_a_hostile_org_file_and_exits_2(tmp_path, problem, content, message):
    path = write(tmp_path, content)
    done = subprocess.run([sys.executable, "-m", "emshell", "--org", path, "-c", "Get-UMService"],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert (done.returncode, done.stdout, done.stderr) == (2, "", f"emshell: {path}{message}\n")


def test_a_billion_laughs_is_refused_before_it_is_expanded(tmp_path):
    import time

    path = write(tmp_path, billion_laughs(30))  # 9**30 strings if expanded
    started = time.perf_counter()
    with pytest.raises(OrgFileError):
        Organization.load(path)
    assert time.perf_counter() - started < 2


def test_only_the_safe_loader_is_used():
    loader = orgfile._loader_class()
    import yaml

    assert issubclass(loader, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert not issubclass(loader, (yaml.FullLoader, yaml.UnsafeLoader))


# ----------------------------------------------------------------------------- saving


@pytest.fixture
def saved(tmp_path):
    """An org file on disk, and the shell that will save over it."""
    path = tmp_path / "org.yaml"
    shell = Shell(org=LAB)
    shell.org.save(path)
    before = path.read_bytes()
    shell.run("Set-UMService -Identity LAB01 -UMStartupMode Dual -WarningAction SilentlyContinue")
    return shell, path, before


def leftovers(path) -> list[str]:
    return sorted(name for name in os.listdir(path.parent) if name != path.name)


def test_a_save_that_fails_to_rename_leaves_the_old_file_and_no_temporary_file(saved, monkeypatch):
    shell, path, before = saved

    def no_rename(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(OSError):
        shell.org.save(path)
    assert path.read_bytes() == before
    assert leftovers(path) == []


def test_a_save_interrupted_mid_write_leaves_the_old_file_and_no_temporary_file(saved, monkeypatch):
    shell, path, before = saved
    real_fdopen = os.fdopen

    class HalfWritten:
        """Writes the first half of the text, then the process is 'killed'."""

        def __init__(self, stream):
            self.stream = stream

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()
            return False

        def write(self, text):
            self.stream.write(text[: len(text) // 2])
            self.stream.flush()
            raise KeyboardInterrupt

        def __getattr__(self, name):
            return getattr(self.stream, name)

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: HalfWritten(real_fdopen(*a, **k)))
    with pytest.raises(KeyboardInterrupt):
        shell.org.save(path)
    assert path.read_bytes() == before
    assert leftovers(path) == []


def test_a_completed_save_replaces_the_file_whole(saved):
    shell, path, before = saved
    shell.org.save(path)
    assert path.read_bytes() != before
    assert Organization.load(path).dump() == shell.org.dump()
    assert leftovers(path) == []


def test_the_cli_reports_a_save_it_cannot_make_and_exits_2(tmp_path):
    target = tmp_path / "missing-folder" / "org.yaml"
    done = subprocess.run([sys.executable, "-m", "emshell", "--save", str(target), "-c", "1"],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == f"emshell: cannot save {target}: No such file or directory\n"
    assert not target.parent.exists()
