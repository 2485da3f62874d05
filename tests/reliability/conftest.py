"""Fixtures of the reliability tests: a demo database made once and its exported meetings."""

import copy
import shutil

import pytest

from namndapp import exchange
from namndapp.demo import fill_demo
from namndapp.storage import open_database


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory):
    path = tmp_path_factory.mktemp("reliability") / "demo.sqlite"
    database = open_database(path, create=True)
    summary = fill_demo(database)
    exported = {"main": exchange.export_meeting(database, summary["main_meeting_id"]),
                "minutes": exchange.export_meeting(database, summary["meetings"]["SN 2026-03-27"])}
    database.close()
    return path, summary, exported


@pytest.fixture
def demo_path(demo_master, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_master[0], path)
    return path


@pytest.fixture
def meeting_file(demo_master):
    """The exported main meeting (agenda, cases, documents; no minutes yet)."""
    return copy.deepcopy(demo_master[2]["main"])


@pytest.fixture
def minutes_file(demo_master):
    """An exported meeting whose protokoll is written (paragraphs with § numbers)."""
    return copy.deepcopy(demo_master[2]["minutes"])
