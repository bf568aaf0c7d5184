from rskole import headers


def test_hashes_only_executable_inline_scripts(tmp_path):
    (tmp_path / "a.html").write_text('<script>var a=1</script><script src="x.js"></script>'
                                     '<script type="application/ld+json">{"a":1}</script>')
    (tmp_path / "b.html").write_text("<script>var a=1</script>")
    assert headers.inline_script_hashes(tmp_path) == ["'sha256-WazVQOu5lmXfSreSrMJd1CsaQ4c00fUQpJfBYCuMSIw='"]


def test_formats_carry_the_same_headers():
    values = headers.security_headers(headers.policy(["'sha256-x'"]))
    assert values["Content-Security-Policy"].startswith("default-src 'self'; script-src 'self' 'sha256-x'")
    assert headers.parse_netlify(headers.netlify(values)) == values
    assert headers.nginx(values).count("add_header") == len(values)
    assert headers.caddy(values).startswith("header {")
