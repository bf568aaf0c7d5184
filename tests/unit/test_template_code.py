"""Compiled templates kept across a served preview's rebuilds (rskole.memo.TemplateCode)."""

import jinja2
import pytest

from rskole import memo


def _env(cache, source):
    return jinja2.Environment(loader=jinja2.DictLoader({"side.html": source}), bytecode_cache=cache)


def test_a_new_environment_reuses_the_compiled_template(monkeypatch):
    cache = memo.TemplateCode(10)
    assert _env(cache, "Hej {{ navn }}").get_template("side.html").render(navn="Anne") == "Hej Anne"
    again = _env(cache, "Hej {{ navn }}")
    monkeypatch.setattr(again, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert again.get_template("side.html").render(navn="Bo") == "Hej Bo"


def test_a_changed_template_is_compiled_again():
    cache = memo.TemplateCode(10)
    _env(cache, "Hej {{ navn }}").get_template("side.html")
    assert _env(cache, "Farvel {{ navn }}").get_template("side.html").render(navn="Bo") == "Farvel Bo"
