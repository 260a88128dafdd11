"""`keukentafel export --what access|consult` with --passphrase-stdin, and the access-log
entry that every export writes (its detail names the kind and format, never a name)."""

from __future__ import annotations

import io
import json

from desktop.cli import main
from desktop.disclosure.gather import gather
from desktop.disclosure.saving import build, log_export, write
from tests.disclosure.conftest import PASSPHRASE, leaks


def _cli(monkeypatch, capsys, planted, *argv: str) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    code = main(["--data-dir", str(planted.data_dir), "export", *argv, "--passphrase-stdin"])
    return code, capsys.readouterr().err


def _exports(planted) -> list[str]:
    return [e.detail for e in planted.store.access_log(planted.case_id) if e.action == "export"]


def test_cli_writes_the_inzage_of_one_person(planted, monkeypatch, capsys, tmp_path):
    before = len(_exports(planted))
    out = tmp_path / "inzage.json"
    code, err = _cli(monkeypatch, capsys, planted, "--what", "access", "--case",
                     planted.case_id, "--person", planted.ids["son"], "--format", "json",
                     "--out", str(out))
    assert (code, err.strip()) == (0, "wrote the access export as json")
    data = json.loads(out.read_text("utf-8"))
    assert data["export"] == "inzage" and data["for_person"] == "Jesse Verhoeven"
    written = out.read_text("utf-8")
    assert leaks(written, ["father", "neighbour"]) == []
    # The mother shares Jesse's surname: that stays, her first name and numbers do not.
    assert "sanne" not in written.lower() and "623456789" not in written.replace("-", "")
    assert "[telefoonnummer]" in written  # the command line speaks Dutch
    assert _exports(planted)[before:] == ["inzage_json_person"]


def test_cli_refuses_what_does_not_fit(planted, monkeypatch, capsys, tmp_path):
    out = tmp_path / "x.json"
    code, err = _cli(monkeypatch, capsys, planted, "--what", "consult", "--case",
                     planted.case_id, "--person", planted.ids["son"], "--format", "json",
                     "--out", str(out))
    assert code == 1 and "consult" in err and not out.exists()
    code, err = _cli(monkeypatch, capsys, planted, "--what", "access", "--case",
                     planted.case_id, "--format", "png", "--out", str(out))
    assert code == 1 and "pdf or json" in err


def test_each_export_writes_its_access_log_entry(planted, qapp, tmp_path):
    content = gather(planted.store, planted.case_id)
    for what, fmt, person in (("inzage", "pdf", None), ("consult", "json", None),
                              ("inzage", "json", planted.ids["mother"])):
        before = len(_exports(planted))
        write(build(content, what, person), fmt, tmp_path / f"{what}.{fmt}", content=content)
        log_export(planted.store, planted.case_id, what, fmt, person is not None)
        assert _exports(planted)[before:] == [
            f"{what}_{fmt}" + ("_person" if person else "")]
    assert planted.store.verify_access_log()
