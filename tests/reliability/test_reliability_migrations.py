"""Migrations are append-only in fact: the registry starts with the released steps, unchanged and in
their order, and a new step can only come after them."""

import hashlib
import importlib
import inspect
from pathlib import Path

from namndapp.storage.database import known_migrations
from namndapp.storage.migrations import migrations
from namndapp.storage.migrations.registry import RELEASED


def module_digest(module_name: str) -> str:
    module = importlib.import_module(f"namndapp.storage.migrations.{module_name}")
    text = Path(module.__file__).read_text(encoding="utf-8").replace("\r\n", "\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_the_registry_begins_with_the_released_steps_in_order():
    released = [name for name, _, _ in RELEASED]
    assert known_migrations()[: len(released)] == released


def test_no_released_step_is_edited():
    for name, module_name, digest in RELEASED:
        assert module_digest(module_name) == digest, (
            f"{module_name} har ändrats efter att {name} släppts: lägg ändringen i en ny migration i stället")


def test_each_released_step_lives_in_its_module():
    by_name = {step.name: step for step in migrations._migrations}
    for name, module_name, _ in RELEASED:
        assert inspect.getmodule(by_name[name].fn).__name__.endswith(module_name)


def test_step_names_are_unique_and_numbered_in_order():
    names = known_migrations()
    assert len(names) == len(set(names))
    numbers = [int(name.split("_", 1)[0]) for name in names]
    assert numbers == sorted(numbers) and len(numbers) == len(set(numbers))


def test_the_released_list_itself_only_grows_at_the_end():
    numbers = [int(name.split("_", 1)[0]) for name, _, _ in RELEASED]
    assert numbers[0] == 1 and numbers == sorted(set(numbers))   # 0008 was never released: numbers may skip
    assert [name for name, _, _ in RELEASED] == known_migrations()[: len(RELEASED)]
