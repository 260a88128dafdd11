"""The version lives in pyproject.toml only: `keukentafel --version`, the About dialog and the
bundle (through the build-info.json the spec generates) all read it back from there."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from desktop import build_info
from desktop.cli import main
from installer import build_info as generated

ROOT = Path(__file__).resolve().parents[2]


def _pyproject_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]["version"]


def test_version_prints_the_pyproject_version(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"keukentafel {_pyproject_version()}"


def test_a_bundle_reads_the_version_the_build_wrote(tmp_path):
    # A bundle has no metadata of ours: the spec's generated file is all it has.
    bundle = tmp_path / "bundle"
    assert generated.generate(bundle) == _pyproject_version()
    (bundle / build_info.BUILD_INFO_FILE).write_text('{"version": "9.8.7"}')
    assert build_info.version(bundle) == "9.8.7"
    # A bundle without the file falls back to the metadata rather than failing.
    assert build_info.version(tmp_path / "elsewhere") == _pyproject_version()


def test_the_inno_setup_include_carries_the_same_version(tmp_path):
    version = generated.generate(tmp_path)
    include = (tmp_path / "version.iss").read_text()
    assert f'#define AppVersion "{version}"' in include
    numeric = ".".join(str(n) for n in generated.version_tuple(version))
    assert f'#define AppVersionNumeric "{numeric}"' in include
    iss = (ROOT / "installer" / "windows" / "keukentafel.iss").read_text()
    assert r'#include "..\..\build\pyinstaller\generated\version.iss"' in iss
    assert "{#AppVersion}" in iss


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("1.2.0rc1", (1, 2, 0, 0)), ("2", (2, 0, 0, 0)),
    ("1.2.3.4.5", (1, 2, 3, 4)), ("3.1.dev2", (3, 1, 0, 0)),
])
def test_windows_gets_four_release_numbers(version, numbers):
    assert generated.version_tuple(version) == numbers


def test_publiccode_follows_pyproject():
    import yaml

    code = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    assert code["publiccodeYmlVersion"] == "0.4"
    assert str(code["softwareVersion"]) == _pyproject_version()
    assert code["legal"]["license"] == "EUPL-1.2"
    assert set(code["description"]) == {"nl", "en"}
    assert set(code["localisation"]["availableLanguages"]) == {"nl", "en"}
    for key in ("name", "url", "releaseDate", "platforms", "categories", "developmentStatus",
                "softwareType", "maintenance", "dependsOn"):
        assert code[key], key
    assert build_info.source_url(ROOT) == code["url"]


def test_the_licence_is_the_eupl_1_2():
    text = (ROOT / "LICENCE").read_text(encoding="utf-8")
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in text
    assert "Compatible Licences’ according to Article 5 EUPL" in text
