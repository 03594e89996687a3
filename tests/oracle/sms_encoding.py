"""Checks how Consigne encodes each SMS text, with an independent GSM 03.38 codec (the
`gsm0338` package) and Python's own UTF-16.

Reads on standard input a JSON list of {lang, id, original, text, encoding, segments} (the
rendered catalogue text, and what `consigne::sms::encode` made of it) and prints a JSON list of
the problems found (empty when all is right):
- "gsm7": the text must encode in GSM-7 (basic table, extension characters as two septets),
  the segments must be 1 up to 160 septets, else ceil(septets / 153), and the text must be the
  original with only its diacritics (and typographic quotes, dashes, spaces) taken off;
- "ucs2": the original must hold a letter GSM-7 cannot carry even without diacritics, be sent
  unchanged, in 1 segment up to 70 UTF-16 units, else ceil(units / 67).
"""

import json
import math
import sys
import unicodedata

import gsm0338  # noqa: F401  (registers the "gsm03.38" codec)

# Letters and signs with no decomposition in Unicode, and what a reader writes instead.
PLAIN = {"ı": "i", "œ": "oe", "Œ": "OE", "’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"',
         "«": '"', "»": '"', "–": "-", "—": "-", "…": "...", "\u00a0": " ", "\u202f": " "}


def bare(text):
    """The text without diacritics, the way both sides should agree on it."""
    text = "".join(PLAIN.get(c, c) for c in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def septets(text):
    try:
        return len(text.encode("gsm03.38"))
    except UnicodeEncodeError:
        return None


def check(m):
    problems = []
    where = f'{m["lang"]} {m["id"]}'
    if m["encoding"] == "gsm7":
        n = septets(m["text"])
        if n is None:
            return [f"{where}: not GSM-7: {m['text']!r}"]
        expected = 1 if n <= 160 else math.ceil(n / 153)
        if m["segments"] != expected:
            problems.append(f"{where}: {m['segments']} segments, {n} septets need {expected}")
        if bare(m["text"]) != bare(m["original"]):
            problems.append(f"{where}: more than diacritics changed: {m['text']!r}")
    elif m["encoding"] == "ucs2":
        if septets(bare(m["original"])) is not None:
            problems.append(f"{where}: sent in UCS-2 though GSM-7 could carry it")
        if m["text"] != m["original"]:
            problems.append(f"{where}: UCS-2 text changed")
        units = len(m["original"].encode("utf-16-le")) // 2
        expected = 1 if units <= 70 else math.ceil(units / 67)
        if m["segments"] != expected:
            problems.append(f"{where}: {m['segments']} segments, {units} units need {expected}")
    else:
        problems.append(f"{where}: unknown encoding {m['encoding']}")
    return problems


def main():
    messages = json.load(sys.stdin)
    print(json.dumps([p for m in messages for p in check(m)]))


main()
