"""rskole.layout: views' keys looked up without Jinja's AttributeError first, with the
same answers as Jinja's own Environment."""

from __future__ import annotations

import jinja2
import pytest

from rskole import layout
from rskole.views import Shared


def env(cls) -> jinja2.Environment:
    return cls(undefined=jinja2.StrictUndefined, autoescape=True)


TEMPLATES = [
    "{{ v.title }}",
    "{{ v.items is defined }}|{{ v.get('title') }}",     # a dict's method comes first, as in Jinja
    "{{ v.missing is defined }}",
    "{{ v.nested.title }}|{% for k in v.keys() %}{{ k }},{% endfor %}",
    "{{ v._refuse is defined }}",                        # Shared's own attribute
    "{{ o.real }}|{{ o.imag }}",                         # not a view: Jinja's own getattr
]


@pytest.mark.parametrize("source", TEMPLATES)
@pytest.mark.parametrize("view", [
    {"title": "Håb & <mod>", "nested": {"title": "Indeni"}, "items": "en nøgle"},
    Shared(title="Håb & <mod>", nested=Shared(title="Indeni")),
])
def test_a_view_reads_as_with_jinjas_own_environment(source, view):
    ours = env(layout.Environment).from_string(source).render(v=view, o=3 + 4j)
    theirs = env(jinja2.Environment).from_string(source).render(v=view, o=3 + 4j)
    assert ours == theirs


def test_a_missing_key_is_as_undefined_as_before():
    for cls in (layout.Environment, jinja2.Environment):
        with pytest.raises(jinja2.UndefinedError, match="has no attribute 'missing'"):
            env(cls).from_string("{{ v.missing }}").render(v={"title": "x"})


def test_the_portal_fixture_pages_are_laid_out_alike(tmp_path):
    """Every page body of a composed fixture site, laid out by both environments."""
    from test_build_compose import FILES, new_build
    from sitekit import write_files
    from rskole import build as core

    write_files(tmp_path, FILES)
    build = new_build(tmp_path)
    calls = []
    real_render = core.Build.render

    def record(self, template, page_url, **ctx):
        calls.append((template, page_url, ctx))
        return real_render(self, template, page_url, **ctx)

    core.Build.render = record
    try:
        build.compose()
    finally:
        core.Build.render = real_render
    assert isinstance(build.jinja, layout.Environment) and len(calls) > 10
    loader = jinja2.FileSystemLoader(build.theme_dirs)
    plain = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True)
    for template, page_url, ctx in calls:
        def url(target, page_url=page_url):
            return core.relative_url(target, page_url)
        assert (build.jinja.get_template(template).render(url=url, site=build.settings, **ctx)
                == plain.get_template(template).render(url=url, site=build.settings, **ctx)), template
