"""rskole.writer: pages finished and written by a second process are the pages the build
would have written, with every inline script's hash, whatever happens to the writer."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from rskole import headers, whitespace, writer

FORK = "fork" in multiprocessing.get_all_start_methods()
PARENT = os.getpid()


def _pages(folder, count: int = 40, scripts: int = 3) -> dict[str, str]:
    """Pages as an engine lays them out: indented, one of ``scripts`` inline scripts, a
    lone surrogate (MkDocs writes it as a character reference)."""
    return {str(folder / f"side-{i}" / "index.html"):
            f"<html>\n    <body>\n      <p>Side {i} \ud800 æøå</p>\n      <script>var s={i % scripts};</script>\n"
            f"      <pre>  kept\n   as is  </pre>\n    </body>\n</html>\n" + "x" * (i * 500)
            for i in range(count)}


def _expected(html: str) -> bytes:
    return whitespace.compact(html).encode("utf-8", errors="xmlcharrefreplace")


def test_a_page_is_finished_as_the_engine_would_write_it():
    html = "<p>\n   <b>a</b>\n</p><script>x=1</script>\ud800"
    data, found = writer.finished(html)
    assert data == b"<p>\n<b>a</b>\n</p><script>x=1</script>&#55296;"
    assert found == headers.script_hashes("<p>\n<b>a</b>\n</p><script>x=1</script>")


@pytest.mark.skipif(not FORK, reason="no fork on this platform: the build writes every page")
def test_the_writer_writes_every_page_over_several_spool_files_and_gives_the_hashes(tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "SEGMENT", 4_000)  # a spool file every few pages
    pages = _pages(tmp_path / "site")
    pen = writer.Writer(len(pages), minimum=0)
    folder = pen._folder
    assert pen.working
    for dest, html in pages.items():
        assert pen.hand_over(dest, html)
    assert len(pen._segments) > 5
    hashes = pen.close()
    assert not pen.working and not os.path.exists(folder)
    for dest, html in pages.items():
        with open(dest, "rb") as written:
            assert written.read() == _expected(html)
    assert hashes == set().union(*(headers.script_hashes(whitespace.compact(h)) for h in pages.values()))
    assert len(hashes) == 3
    assert not pen.hand_over(str(tmp_path / "sent" / "late.html"), "<p>late</p>")  # closed


def fails_in_the_writer_at_the_ninth(html: str):
    if os.getpid() != PARENT and "Side 8 " in html:
        raise RuntimeError("the writer stops here")
    return _own_finished(html)


_own_finished = writer.finished


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_a_writer_that_stops_leaves_the_rest_and_its_hashes_to_the_build(tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "SEGMENT", 4_000)
    monkeypatch.setattr(writer, "finished", fails_in_the_writer_at_the_ninth)
    pages = _pages(tmp_path / "site", 30, scripts=30)
    pen = writer.Writer(len(pages), minimum=0)
    for dest, html in pages.items():
        assert pen.hand_over(dest, html)
    hashes = pen.close()
    assert pen._done.value == 8  # the writer wrote eight pages, then stopped
    for dest, html in pages.items():
        with open(dest, "rb") as written:
            assert written.read() == _expected(html)
    assert len(hashes) == 30  # every page's, those the writer wrote and removed the spool of too


def test_a_small_site_has_no_writer(tmp_path):
    pen = writer.Writer(10)
    assert not pen.working and not pen.hand_over(str(tmp_path / "a.html"), "<p>a</p>")
    assert pen.close() == set()


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_a_stopped_writer_is_gone_with_its_spool(tmp_path):
    pen = writer.Writer(1000, minimum=0)
    pid, folder = pen._pid, pen._folder
    pen.hand_over(str(tmp_path / "a" / "index.html"), "<p>a</p>")
    pen.stop()
    assert not pen.working and not os.path.exists(folder)
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_without_a_temporary_folder_there_is_no_writer(tmp_path, monkeypatch):
    def refused(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer.tempfile, "mkdtemp", refused)
    pen = writer.Writer(1000, minimum=0)
    assert not pen.working and not pen.hand_over(str(tmp_path / "a.html"), "<p>a</p>")
    assert pen.close() == set()
