"""A document timestamp where a timestamp server is configured, tested against a real RFC 3161 server over
HTTP on 127.0.0.1 (pyhanko's dummy TSA). Without a server nothing touches the network; a server that cannot
be reached or refuses gives a Swedish error and leaves the stored versions as they were."""

import re
import shutil
import socket
import subprocess

import pytest

from tests.justering.test_justering_stored_protocol import (  # noqa: F401  (fixtures)
    justerad, run, sign, versions, work)
from tests.justering.tsa_server import TimestampServer, closed_port_url


@pytest.fixture
def tsa():
    with TimestampServer() as server:
        yield server


def stamps(db_path, meeting):
    import sqlite3

    connection = sqlite3.connect(db_path)
    try:
        return connection.execute("SELECT version, timestamped_at IS NOT NULL, timestamp_url FROM protocol_pdfs "
                                  "WHERE meeting_id = ? ORDER BY version", [meeting]).fetchall()
    finally:
        connection.close()


def test_each_signature_gets_a_document_timestamp_from_the_given_server(work, tsa):
    result = sign(work, "chair", "--timestamp-url", tsa.url)
    assert result.exit_code == 0, result.output
    assert "Dokumenttidsstämpel:" in result.output
    assert tsa.requests >= 1
    out = work["tmp"] / "tidsstamplat.pdf"
    result = sign(work, "adjuster", "--timestamp-url", tsa.url, "--out", out)
    assert result.exit_code == 0, result.output
    assert stamps(work["db"], work["meeting"]) == [(0, 0, None), (1, 1, tsa.url), (2, 1, tsa.url)]

    result = run("verify", out)
    lines = result.output
    assert result.exit_code == 0, lines  # the signers are trusted; the TSA is reported on its own
    assert re.findall(r"^Underskrift (\d) av 4: (.*)$", lines, re.M) == [
        ("1", f"{work['people'][0].name} (TESTCERTIFIKAT)"), ("2", "dokumenttidsstämpel från Provtidsstämpel TSA"),
        ("3", f"{work['people'][1].name} (TESTCERTIFIKAT)"), ("4", "dokumenttidsstämpel från Provtidsstämpel TSA")]
    assert lines.count("Underskriften är intakt.") == 4
    assert "Tid (enligt tidsstämpelservern):" in lines
    assert run("verify", "--db", work["db"], "--meeting", work["meeting"]).exit_code == 0
    if shutil.which("pdfsig"):
        output = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True).stdout
        assert re.findall(r"^Signature #(\d):", output, re.M) == ["1", "2", "3", "4"]
        assert output.count("Signature Validation: Signature is Valid.") == 2  # poppler cannot check the stamps
        assert output.count("Signature Field Name: Tidsstämpel") == 2
        assert output.count("Signer Certificate Common Name: Provtidsstämpel TSA") == 2


def test_the_configured_server_is_used_and_can_be_turned_off(work, tsa):
    result = run("timestamp-server", "--db", work["db"])
    assert "Ingen tidsstämpelserver är angiven" in result.output
    result = run("timestamp-server", tsa.url, "--db", work["db"])
    assert result.exit_code == 0 and f"Tidsstämpelserver: {tsa.url}" in result.output
    assert sign(work, "chair").exit_code == 0
    assert run("timestamp-server", "--off", "--db", work["db"]).exit_code == 0
    assert sign(work, "adjuster").exit_code == 0
    assert stamps(work["db"], work["meeting"]) == [(0, 0, None), (1, 1, tsa.url), (2, 0, None)]


@pytest.mark.parametrize("address", ["ftp://tsa.exempel.se", "tsa.exempel.se", "http://"])
def test_a_timestamp_server_address_must_be_http(work, address):
    result = run("timestamp-server", address, "--db", work["db"])
    assert result.exit_code == 1 and "ska börja med http:// eller https://" in result.output
    result = sign(work, "chair", "--timestamp-url", address)
    assert result.exit_code == 1 and "ska börja med http:// eller https://" in result.output
    assert len(versions(work["db"], work["meeting"])) == 1


def test_an_unreachable_server_signs_nothing_and_says_so(work):
    url = closed_port_url()
    result = sign(work, "chair", "--timestamp-url", url)
    assert result.exit_code == 1
    assert result.output.startswith(f"Fel: Tidsstämpelservern {url} gick inte att nå")
    assert "ingen server svarar på den adressen" in result.output
    assert len(versions(work["db"], work["meeting"])) == 1


def test_a_server_that_refuses_signs_nothing_and_says_so(work, tsa):
    tsa.status = 503
    result = sign(work, "chair", "--timestamp-url", tsa.url)
    assert result.exit_code == 1 and "Tidsstämpelservern" in result.output, result.output
    assert len(versions(work["db"], work["meeting"])) == 1
    tsa.status = 200
    assert sign(work, "chair", "--timestamp-url", tsa.url).exit_code == 0  # the previous version was intact


def test_without_a_server_signing_and_verifying_need_no_network(work, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("nätverket användes")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    assert sign(work, "chair").exit_code == 0
    assert sign(work, "adjuster").exit_code == 0
    assert run("verify", "--db", work["db"], "--meeting", work["meeting"]).exit_code == 0
    assert stamps(work["db"], work["meeting"])[-1][1] == 0
