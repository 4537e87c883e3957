"""``chronica serve`` (issue 9): refuses unsafe or impossible starts, binds 127.0.0.1, serves."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronica.cli import app
from chronica.store import Store

pytestmark = pytest.mark.issue(9)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "serve.duckdb"
    Store.open(path).close()
    return path


def test_serve_refuses_allow_ingest_without_token(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CHRONICA_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--allow-ingest"])
    assert result.exit_code == 2
    assert "CHRONICA_TOKEN" in result.output


def test_serve_reports_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no such database" in result.output


def test_serve_help_documents_the_defaults() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "--allow-ingest" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_serve_listens_on_localhost(db: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "CHRONICA_TOKEN"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "chronica", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    try:
        body = b""
        deadline = time.monotonic() + 90  # importing the CLI is slow on a busy machine
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/documents") as r:
                    body = r.read()
                break
            except OSError:
                time.sleep(0.2)
        assert body == b'{"items":[],"next_offset":null}'
    finally:
        proc.terminate()
        output = proc.communicate(timeout=20)[0].decode()
    assert f"http://127.0.0.1:{port}" in output
