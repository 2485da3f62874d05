"""The same build every time: requirements.lock pins every dependency in pyproject.toml (its ranges and
extras) with sha256 hashes, and scripts/setup.sh installs from it with --require-hashes."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).parents[2]
REGENERATE = "skriv låsfilen igen: bash scripts/setup.sh --lock"


def locked() -> dict[str, tuple[str, list[str]]]:
    """name → (version, hashes) from the lock file."""
    entries, text = {}, (ROOT / "requirements.lock").read_text(encoding="utf-8")
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", block)
        if match:
            entries[canonicalize_name(match[1])] = (match[2], re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return entries


def wanted() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    return [Requirement(line) for line in requirements]


def test_every_dependency_in_pyproject_is_locked_within_its_range():
    pins = locked()
    for requirement in wanted():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} saknas i requirements.lock; {REGENERATE}"
        assert requirement.specifier.contains(pins[name][0], prereleases=True), \
            f"{requirement.name}=={pins[name][0]} ligger utanför {requirement.specifier}; {REGENERATE}"


def test_every_locked_package_has_hashes():
    pins = locked()
    assert len(pins) > 20
    assert [name for name, (_, hashes) in pins.items() if not hashes] == []


def test_setup_installs_from_the_lock_with_hashes_and_pyproject_keeps_ranges():
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert re.search(r"pip install -q --require-hashes --no-deps -r \"\$LOCK\"", setup)
    assert "--no-build-isolation -e ." in setup
    assert "setuptools" in locked()  # the build backend of the editable install comes from the lock too
    pinned = [str(r) for r in wanted() if any(s.operator == "==" for s in r.specifier)]
    assert all(name.lower().startswith("pyside6") for name in pinned), pinned  # only the known Qt pin
