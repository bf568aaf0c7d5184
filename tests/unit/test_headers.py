import subprocess
import sys
from pathlib import Path

import pytest

from rskole import headers


def test_hashes_only_executable_inline_scripts():
    # What the build calls on each page as it is written (build.py collects the union).
    html = ('<script>var a=1</script><script src="x.js"></script>'
            '<script type="application/ld+json">{"a":1}</script><script type="application/json">{}</script>')
    assert headers.script_hashes(html) == {"'sha256-WazVQOu5lmXfSreSrMJd1CsaQ4c00fUQpJfBYCuMSIw='"}
    assert headers.script_hashes("<SCRIPT>var a=1</SCRIPT >") == headers.script_hashes(html)
    assert headers.script_hashes("<p>no script</p>") == set()


def test_formats_carry_the_same_headers():
    values = headers.security_headers(headers.policy(["'sha256-x'"]))
    assert values["Content-Security-Policy"].startswith("default-src 'self'; script-src 'self' 'sha256-x'")
    assert headers.parse_netlify(headers.netlify(values)) == values
    assert headers.nginx(values).count("add_header") == len(values)
    assert headers.caddy(values).startswith("header {")


def test_deploy_script_prints_the_headers_the_build_wrote(tmp_path):
    values = headers.security_headers(headers.policy(["'sha256-x'"]))
    (tmp_path / "_headers").write_text(headers.netlify(values))
    script = Path(__file__).resolve().parents[2] / "scripts" / "headers.py"
    for fmt in ("nginx", "caddy", "netlify"):
        proc = subprocess.run([sys.executable, str(script), fmt, str(tmp_path)], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == getattr(headers, fmt)(values)
    missing = subprocess.run([sys.executable, str(script), "nginx", str(tmp_path / "nowhere")], capture_output=True, text=True)
    assert missing.returncode == 1 and "_headers" in missing.stderr


def test_a_data_script_before_an_executable_one_does_not_hide_it():
    html = '<script type="application/ld+json">{"a":1}</script><script>var a=1</script>'
    assert headers.script_hashes(html) == {"'sha256-WazVQOu5lmXfSreSrMJd1CsaQ4c00fUQpJfBYCuMSIw='"}


@pytest.mark.parametrize("hashes, script_src", [
    ([], "script-src 'self'"),
    (["'sha256-a'", "'sha256-b'"], "script-src 'self' 'sha256-a' 'sha256-b'"),
])
def test_the_whole_policy(hashes, script_src):
    assert headers.policy(hashes) == (
        f"default-src 'self'; {script_src}; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'none'")


def test_the_whole_set_of_security_headers():
    assert headers.security_headers("x") == {
        "Content-Security-Policy": "x",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def test_each_format_written_out():
    values = {"A": "1", "B": "x: y"}
    assert headers.netlify(values) == "/*\n  A: 1\n  B: x: y\n"
    assert headers.nginx(values) == 'add_header A "1" always;\nadd_header B "x: y" always;\n'
    assert headers.caddy(values) == 'header {\n\tA "1"\n\tB "x: y"\n}\n'


def test_parse_netlify_reads_only_the_indented_header_lines():
    text = "# Made by the build: do not edit\n/*\n  A: 1\n  B :  x: y \n  no colon\n"
    assert headers.parse_netlify(text) == {"A": "1", "B": "x: y"}
