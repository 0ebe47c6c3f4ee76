"""A synthetic benchmark corpus: N varied copies of the shipped documents, no two alike.

The seeds are corpus/*.txt, tests/fixtures/compare/*.txt and tests/fixtures/docs/*. Each copy
varies numbers (not years), place names, the order of body paragraphs within a section and the
encoding it is written in, and carries its serial number, so every file has its own content hash
and the extraction cache can never make a run trivially fast. Deterministic for a given N.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_GLOBS = ("corpus/*.txt", "tests/fixtures/compare/*.txt", "tests/fixtures/docs/*")
SEED_SUFFIXES = {".txt", ".htm", ".html"}

# Syllables for fictional place names (simplified; traditional seeds keep their own script
# elsewhere, a simplified name inside them is still valid text).
_SYLLABLES = "东西南北安平宁和丰泰兴华青云江河湖山林川溪桥滨海港城阳明德新清源桂梅松柳远长永"
_NUMBER = re.compile(r"(?<![0-9０-９.])([0-9]+)(?:\.([0-9]+))?(?![0-9０-９])")
_PLACE = re.compile(r"([\u4e00-\u9fff]{2})(?:市|区|區|县|縣)(?:人民政府|政府|委員會|委员会)")
_TITLE_PLACE = re.compile(r"^\s*([\u4e00-\u9fff]{2})(?:市|区|區|县|縣)", re.MULTILINE)
_DOC_NUMBER = re.compile(r"〔([0-9]{4})〕([0-9]+)(号|號)")
_MARKER = re.compile(r"^\s*(第[一二三四五六七八九十]+[章节條条部分]|[一二三四五六七八九十]+、|"
                     r"[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、]|[一二三四五六七八九十]是)")


@dataclass(frozen=True)
class Seed:
    name: str
    suffix: str
    text: str
    encoding: str  # the encoding the seed is written in
    html: bool


def _decode_seed(data: bytes, path: Path) -> tuple[str, str]:
    """The pipeline's own encoding detection (Big5 bytes also decode, wrongly, as GB18030)."""
    from pipeline.encodings import _decode_bytes

    text, enc, *_ = _decode_bytes(data, str(path))
    enc = enc.lower().replace("_", "-")
    return text, ("utf-8" if enc in ("utf-8-sig", "utf8") else enc)


def seeds(root: Path = ROOT) -> list[Seed]:
    out: list[Seed] = []
    for pattern in SEED_GLOBS:
        for path in sorted(root.glob(pattern)):
            if path.suffix.lower() not in SEED_SUFFIXES or not path.is_file():
                continue
            text, enc = _decode_seed(path.read_bytes(), path)
            out.append(Seed(path.stem, path.suffix.lower(), text, enc,
                            path.suffix.lower() in (".htm", ".html")))
    if not out:
        raise RuntimeError(f"no seed documents under {root}")
    return out


def _place_names(text: str) -> list[str]:
    """Two-character place stems seen at least twice before a government (海澄 in 海澄区人民政府)."""
    counts = Counter(m.group(1) for m in _PLACE.finditer(text))
    names = [name for name, n in counts.most_common(3) if n >= 2]
    title = _TITLE_PLACE.search(text)  # a plan title opening a line: 临川区民生服务…
    if title and title.group(1) not in names and title.group(1) in counts:
        names.append(title.group(1))
    return names


def _unique_name(i: int, k: int) -> str:
    """A three-syllable place name, different for every document number ``i`` (k: which name)."""
    n = len(_SYLLABLES)
    code = (i * 7 + k * 7919) % n ** 3
    return _SYLLABLES[code // n // n] + _SYLLABLES[code // n % n] + _SYLLABLES[code % n]


def _vary_numbers(text: str, rng: random.Random) -> str:
    def repl(m: re.Match[str]) -> str:
        whole, frac = m.group(1), m.group(2)
        if len(whole) == 4 and whole.startswith(("19", "20")) and frac is None:
            return m.group(0)  # a year: periods and deadlines stay meaningful
        if len(whole) <= 2 and frac is None and rng.random() < 0.5:
            return m.group(0)  # many small numbers are list markers or months
        value = int(whole) if whole else 0
        new = max(1, int(value * rng.uniform(0.6, 1.6))) if value else rng.randint(1, 9)
        if frac is not None:
            return f"{new}.{rng.randint(0, 10 ** len(frac) - 1):0{len(frac)}d}"
        return str(new)

    return _NUMBER.sub(repl, text)


def _vary_names(text: str, i: int) -> str:
    for k, name in enumerate(_place_names(text)):
        text = text.replace(name, _unique_name(i, k))
    return text


def _vary_doc_number(text: str, i: int) -> str:
    """The document's own 文号 (its first) becomes unique, so every copy is its own plan rather
    than a new version replacing the last one; cited parents keep theirs and stay shared."""
    return _DOC_NUMBER.sub(lambda m: f"〔{m.group(1)}〕{1000 + i}{m.group(3)}", text, count=1)


def _shuffle_paragraphs(text: str, rng: random.Random) -> str:
    """Shuffle runs of consecutive body paragraphs (no outline marker) inside a section."""
    lines = text.split("\n")
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) > 1:
            rng.shuffle(run)
        out.extend(run)
        run.clear()

    for line in lines:
        body = len(line.strip()) >= 30 and not _MARKER.match(line) and "<" not in line
        if body:
            run.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def _serial_line(i: int, html: bool) -> str:
    line = f"（本文件为性能测试样本，编号 BENCH-{i:06d}）"
    return f"<p>{line}</p>" if html else line


def _encode(text: str, seed: Seed, rng: random.Random) -> tuple[bytes, str]:
    """Bytes in one of the encodings a real corpus holds; HTML keeps its declared charset."""
    if seed.html:
        return text.encode("utf-8"), "utf-8"
    choices = ["utf-8", "utf-8", "utf-8-sig", "gb18030"]
    if seed.encoding.startswith(("big5", "cp950")):
        choices.append("big5")
    for enc in [rng.choice(choices), "gb18030", "utf-8"]:
        try:
            return text.encode(enc), enc
        except UnicodeEncodeError:
            continue
    return text.encode("utf-8"), "utf-8"


def variant(seed: Seed, i: int) -> tuple[bytes, str]:
    """The i-th copy of ``seed``: (bytes, encoding)."""
    rng = random.Random(f"{seed.name}:{i}")
    text = seed.text
    if i >= 1:  # copy 0 of the first round keeps the seed text (plus its serial)
        text = _vary_numbers(text, rng)
        text = _vary_names(text, i)
        text = _vary_doc_number(text, i)
        text = _shuffle_paragraphs(text, rng)
    serial = _serial_line(i, seed.html)
    if seed.html and "</body>" in text:
        text = text.replace("</body>", serial + "\n</body>", 1)
    else:
        text = text.rstrip("\n") + "\n" + serial + "\n"
    return _encode(text, seed, rng)


def generate(folder: Path, n: int, root: Path = ROOT) -> list[dict]:
    """Write ``n`` documents into ``folder``; returns a manifest (also written as manifest.json
    next to, not inside, the documents folder so extraction never sees it)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    all_seeds = seeds(root)
    manifest: list[dict] = []
    hashes: set[str] = set()
    for i in range(n):
        seed = all_seeds[i % len(all_seeds)]
        data, enc = variant(seed, i)
        sha = hashlib.sha256(data).hexdigest()
        if sha in hashes:  # cannot happen (serial number), but never let the cache cheat
            raise RuntimeError(f"document {i} duplicates an earlier one")
        hashes.add(sha)
        path = folder / f"doc{i:06d}_{seed.name}{seed.suffix}"
        path.write_bytes(data)
        manifest.append({"path": str(path), "seed": seed.name, "encoding": enc,
                         "bytes": len(data), "sha256": sha})
    (folder.parent / f"{folder.name}.manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


if __name__ == "__main__":  # python -m tests.bench_corpus OUT N
    import sys

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out/bench_corpus")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    docs = generate(out, count)
    print(f"{len(docs)} documents, {sum(d['bytes'] for d in docs) / 1e6:.2f} MB in {out}")
