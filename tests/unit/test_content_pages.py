"""The editors' own pages as the core reads them (rskole.content): their titles, as
"Bruges i" shows them, and their front matter."""

from __future__ import annotations

import pytest

from rskole.content import ContentPage, pages, read
from sitekit import write_files


@pytest.mark.parametrize("src_uri, meta, rendered, title", [
    ("om.md", {"title": "Om skolen"}, "<h1>Overskrift</h1>", "Om skolen"),
    ("om.md", {"title": "  "}, "<h1>Overskrift</h1>", "Overskrift"),
    ("om.md", {"title": 7}, '<H1 id="x">Vi <em>er</em>\nher</H1>', "Vi er her"),
    ("om.md", {}, "<p>a</p><h1></h1><h1>Senere</h1>", "Om"),
    ("om.md", {}, "<h2>Ikke en titel</h2>", "Om"),
    ("index.md", {}, "<p>Velkommen</p>", "Home"),
    ("om-skolen/index.md", {}, "", "Om skolen"),
    ("a/b/index.md", {}, "", "B"),
    ("saadan_goer_vi.md", {}, "", "Saadan goer vi"),
    ("FAQ-og-svar.md", {}, "", "FAQ og svar"),
    ("nyt/Nyheder.md", {}, "", "Nyheder"),
])
def test_title_as_mkdocs_decides_it(src_uri, meta, rendered, title):
    assert ContentPage(src_uri, "", meta).title(rendered) == title


def test_url_is_the_pages_folder():
    assert ContentPage("om/index.md", "").url == "om/"
    assert ContentPage("kontakt.md", "").url == "kontakt/"


@pytest.mark.parametrize("source, meta, markdown", [
    ("---\ntitle: Om\n---\n# Hej\n", {"title": "Om"}, "# Hej\n"),
    ("\ufeff---\r\ntitle: Om\r\n...\r\nTekst", {"title": "Om"}, "Tekst"),
    ("--- \n---\nTekst", {}, "Tekst"),
    ("---\n- en\n- liste\n---\nTekst", {}, "Tekst"),
    ("---\ntitle: [ikke lukket\n---\nTekst", {}, "Tekst"),  # the engine reports it
    ("Tekst\n---\ntitle: x\n---\n", {}, "Tekst\n---\ntitle: x\n---\n"),
    ("# Ingen front matter\n", {}, "# Ingen front matter\n"),
])
def test_read_splits_front_matter_from_the_text(tmp_path, source, meta, markdown):
    path = tmp_path / "side.md"
    path.write_bytes(source.encode("utf-8"))
    page = read(path, "side.md")
    assert (page.src_uri, page.meta, page.markdown) == ("side.md", meta, markdown)


def test_read_survives_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "side.md"
    path.write_bytes(b"Caf\xe9")
    assert read(path, "side.md").markdown == "Caf\ufffd"


def test_pages_are_every_published_markdown_file_in_order(tmp_path):
    write_files(tmp_path / "docs", {"b.md": "B", "a/index.md": "A", ".skjult/x.md": "x", "a/.udkast.md": "u",
                                    "billede.png": b"\x89PNG"})
    assert [(p.src_uri, p.markdown) for p in pages(tmp_path / "docs")] == [("a/index.md", "A"), ("b.md", "B")]
    assert pages(tmp_path / "mangler") == []
