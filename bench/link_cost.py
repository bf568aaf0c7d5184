"""What the glossary linker costs: 300 synthetic terms (3 forms each) plus the real glossary,
over (a) the sample site's texts and (b) a synthetic 2 MB HTML page.

    cd /work/main && .venv/bin/python bench/link_cost.py
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import markdown
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))

from rskole.glossary import TermIndex, link  # noqa: E402

RUNS = 5
SYLLABLES = ["re", "ko", "ve", "ry", "stø", "tte", "hå", "b", "li", "v", "mø", "de", "fæ", "lles", "ska", "b",
             "ar", "bej", "de", "san", "gen", "kra", "ft", "ro", "lig", "hed"]
SUFFIXES = ["en", "er", "erne"]


def synthetic_entries(count: int, rng: random.Random) -> list[tuple[str, list[str]]]:
    """count made-up terms with 3 forms each; about one in five has two words, one in ten three."""
    entries, seen = [], set()
    while len(entries) < count:
        words = [_word(rng) for _ in range(rng.choices([1, 2, 3], [7, 2, 1])[0])]
        name = " ".join(words)
        if name in seen:
            continue
        seen.add(name)
        entries.append((f"syn-{len(entries)}", [name] + [name + s for s in SUFFIXES]))
    return entries


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 5)))


def real_entries() -> list[tuple[str, list[str]]]:
    entries = []
    for path in sorted((REPO / "glossary").glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
        entries.append((path.stem, [meta["term"], *meta.get("forms", [])]))
    return entries


def sample_texts() -> list[str]:
    """The sample site's prose as rendered HTML, one string per page (or course)."""
    md = markdown.Markdown(extensions=["abbr", "attr_list", "tables", "md_in_html"])
    texts = []
    for path in sorted((REPO / "content").glob("*.md")):
        texts.append(md.reset().convert(path.read_text(encoding="utf-8")))
    for path in sorted((REPO / "courses").rglob("*.yml")):
        if path.name.startswith("_"):
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        body = data.get("description", "") + "".join(f"\n- {o}" for o in data.get("learning_outcomes", []))
        texts.append(md.reset().convert(body))
    return texts


def synthetic_page(size: int, entries: list[tuple[str, list[str]]], rng: random.Random) -> str:
    """About size characters of HTML: paragraphs of filler and term forms, with headings,
    code, links, emphasis and entities in between."""
    filler = ["og", "det", "er", "en", "på", "vi", "med", "for", "at", "som", "kurset", "håb", "recoveryskolen",
              "hverdagen", "sammen", "peer", "erfaringer", "deltagerne", "underviserne", "livet"]
    forms = [f for _, fs in entries for f in fs]
    parts, length = [], 0
    while length < size:
        words = [rng.choice(forms) if rng.random() < 0.08 else rng.choice(filler) for _ in range(rng.randint(30, 90))]
        for i in rng.sample(range(len(words)), 3):
            words[i] = rng.choice([f"<em>{words[i]}</em>", f"<code>{words[i]}</code>",
                                   f'<a href="/x/">{words[i]}</a>', words[i] + ",", words[i] + "&nbsp;&amp;"])
        block = f"<p>{' '.join(words)}.</p>\n"
        if rng.random() < 0.1:
            block = f"<h2>{rng.choice(forms)}</h2>\n" + block
        parts.append(block)
        length += len(block)
    return "".join(parts)


def measure(texts: list[str], index: TermIndex) -> tuple[float, int, int]:
    """Median seconds of RUNS link passes over texts (each text its own page), words, links."""
    def href(slug: str) -> str:
        return f"/ordbog/{slug}/"

    def title(slug: str) -> str:
        return f"Kort definition af {slug} med \"citat\""

    times, links = [], 0
    for _ in range(RUNS):
        index.reset_counters()
        index._plain.clear()  # cold, as in a build: each build has a new index
        start = time.perf_counter()
        links = sum(len(link(text, index, href, title)[1]) for text in texts)
        times.append(time.perf_counter() - start)
    return statistics.median(times), index.words_scanned, links


def row(name: str, texts: list[str], index: TermIndex, out: Callable[[str], None] = print) -> None:
    seconds, words, links = measure(texts, index)
    chars = sum(len(t) for t in texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    out(f"{name:<28} {len(texts):>5} {chars:>10,} {words:>9,} {links:>6} {seconds * 1000:>9.1f} {mb / seconds:>7.2f}")


def main() -> None:
    rng = random.Random(2026)
    synthetic = synthetic_entries(300, rng)
    index = TermIndex.build(synthetic + real_entries())
    print(f"index: {len(synthetic)} synthetic + {len(real_entries())} real terms = {len(index)} surface forms, "
          f"longest {index.max_words} words; median of {RUNS} runs\n")
    print(f"{'text':<28} {'pages':>5} {'chars':>10} {'words':>9} {'links':>6} {'ms':>9} {'MB/s':>7}")
    row("(a) sample site texts", sample_texts(), index)
    row("(b) synthetic 2 MB page", [synthetic_page(2_000_000, synthetic, rng)], index)


if __name__ == "__main__":
    main()
