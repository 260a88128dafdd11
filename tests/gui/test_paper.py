"""Every printout is A4 with the same metadata: the plan for the family, the inzage, the
monitor and the network map, each written by its own module through desktop/paper.py."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QFile, QIODevice
from PySide6.QtGui import QTextDocument

from desktop import paper
from desktop.disclosure.document import write_pdf as disclosure_pdf
from desktop.familyplan.paper import write_pdf as family_plan_pdf
from desktop.monitor.pdf import write_pdf as monitor_pdf
from desktop.monitor.tables import FigureRow, FigureTableModel
from desktop.networkmap.export import export_map
from desktop.networkmap.model import build

A4_POINTS = (595, 842)
LINES = "".join(f"<p>Afspraak {i} staat op papier.</p>" for i in range(120))


def _document() -> QTextDocument:
    document = QTextDocument()
    document.setHtml(f"<h1>Plan</h1>{LINES}")
    return document


def _family_plan(path: Path) -> str:
    family_plan_pdf(_document(), path, lambda page, pages: f"versie 2 - {page}/{pages}",
                    "Plan voor het gezin")
    return "Plan voor het gezin"


def _inzage(path: Path) -> str:
    file = QFile(str(path))
    assert file.open(QIODevice.OpenModeFlag.WriteOnly)
    disclosure_pdf(_document(), file, "Inzage")
    file.close()
    return "Inzage"


def _monitor(path: Path) -> str:
    model = FigureTableModel(["Status", "Aantal"])
    model.set_rows([FigureRow(i, [f"status {i}", str(i)]) for i in range(90)])
    monitor_pdf(path, "Monitor van vandaag", [("Zaken per status", None, model)])
    return "Monitor van vandaag"


def _network_map(path: Path) -> str:
    export_map(build([], []), "ecogram", "pdf", path)
    return "Ecogram"


@pytest.mark.parametrize("write", [_family_plan, _inzage, _monitor, _network_map])
def test_every_printout_is_a4_made_by_keukentafel_and_titled_by_its_heading(qapp, tmp_path,
                                                                          write):
    path = tmp_path / "uit.pdf"
    title = write(path)
    reader = pypdf.PdfReader(path)
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
            for p in reader.pages} == {A4_POINTS}
    meta = reader.metadata
    assert (meta.get("/Title"), meta.get("/Creator")) == (title, "Keukentafel")
    assert not meta.get("/Author")  # no worker's name rides along in the file


def test_the_long_documents_break_into_the_pages_they_always_had(qapp, tmp_path):
    """The page count of each layout as it was before the set-up was shared: a margin or a
    resolution that moved would move the page breaks."""
    counts = {}
    for write in (_family_plan, _inzage, _monitor):
        path = tmp_path / f"{write.__name__}.pdf"
        write(path)
        reader = pypdf.PdfReader(path)
        counts[write.__name__] = len(reader.pages)
        text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
        assert ("status 89" if write is _monitor else "Afspraak 119 staat") in text
    assert counts == {"_family_plan": 4, "_inzage": 4, "_monitor": 2}


def test_a_wide_page_turns_the_paper_and_an_unwritable_place_is_an_os_error(qapp, tmp_path):
    path = tmp_path / "breed.pdf"
    with paper.painting(paper.a4_pdf(path, "Genogram", 12, dpi=96,
                                     orientation=paper.Orientation.Landscape)):
        pass
    page, = pypdf.PdfReader(path).pages
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
    with pytest.raises(OSError):
        with paper.painting(paper.a4_pdf(tmp_path / "geen map" / "x.pdf", "Ecogram", 12)):
            pass
