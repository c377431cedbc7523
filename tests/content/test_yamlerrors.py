"""The first YAML mistakes an editor makes, each explained in one line: where, what, and the fix.

Each file in tests/fixtures/yaml-mistakes/ holds one mistake; the expected
line (after the file's path) is listed here in full, so a change of wording
is a visible diff. No parser wording ("mapping values are not allowed",
"expected <block end>") may reach the editor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content.yamlsource import YamlProblem, read_yaml
from generator.errors import display_path
from tests.helpers import FIXTURES, problems

MISTAKES = FIXTURES / "yaml-mistakes"
QUOTE_IT = "put the text in quotes: title: "
EXPECTED = {
    "colon-in-text": "3:12: YAML syntax error: the text of 'title' contains ': ', which YAML reads as the start "
                     "of another key: " + QUOTE_IT + '"Ireland: the law now"',
    "tab-indent": "3:1: YAML syntax error: a tab indents this line, and YAML indents with spaces only: replace the "
                  "tab with spaces",
    "indented-too-deep": "4:7: YAML syntax error: 'text' is indented more than 'title' above it, so YAML reads it "
                         "as part of the text of 'title': indent 'text' like the key above it (4 spaces)",
    "indented-too-shallow-in-a-list": "4:4: YAML syntax error: 'text' is indented less than 'title' above it: "
                                      "indent 'text' like the key above it (4 spaces)",
    "indented-too-shallow": "4:2: YAML syntax error: 'subtitle' is indented less than 'title' above it: indent "
                            "'subtitle' like the key above it (2 spaces)",
    "missing-colon": "3:10: YAML syntax error: 'title' has no ':' after it: write 'title: The law now'",
    "unclosed-quote": "3:12: YAML syntax error: the quote opened here is never closed: end the text with \" on the "
                      "same line",
    "quote-left-open": "3:12: YAML syntax error: the quote opened here is never closed: end the text with \" on the "
                       "same line",  # found although the parser stops three lines later, at the next quote
    # an open quote inside {…} is an open quote, not a comma problem (the parser stumbles later, or lines later)
    **{name: f"2:22: YAML syntax error: the quote opened here does not close where the text ends: inside {{…}} or "
             f"[…] end the text with {quote} before ', year:'"
       for name, quote in [("quote-open-in-flow", '"'), ("quote-open-in-flow-over-lines", "'")]},
    "unclosed-bracket": "4:14: YAML syntax error: the '[' opened here is never closed: end it with ']' on the "
                        "same line",
    "text-starts-with-quote": "3:12: YAML syntax error: text that starts with a quote is read as a quotation that "
                              "ends early, and the rest of the line is left over: " + QUOTE_IT
                              + "'\"Ireland\" changed its law'",
    "text-starts-with-bracket": "3:12: YAML syntax error: text that starts with '[' is read as a list, and the rest "
                                "of the line is left over: " + QUOTE_IT + '"[Draft] The law now"',
    **{f"text-starts-with-{name}": f"3:12: YAML syntax error: text cannot start with '{char}', which YAML reserves: "
                                   + QUOTE_IT + f'"{text}"'
       for name, char, text in [("at", "@", "@Ireland changed its law"), ("star", "*", "*Ireland changed its law"),
                                ("percent", "%", "% of people who agree"), ("dash", "-", "- the law now"),
                                ("pipe", "|", "| the law now"), ("bang", "!", "!Urgent the law now")]},
    "list-item-under-text": "4:5: YAML syntax error: a list item ('- …') cannot follow 'title', which holds text: "
                            "put a line with the list's own key above it, indented 4 spaces like 'title' (e.g. "
                            "'sources:'), and indent the item 6 spaces below it",
    "duplicate-key": "4:5: duplicate key 'title': a key appears once in each item; to start another item, begin "
                     "its first line with '- '",
}


def test_every_fixture_has_its_expected_line() -> None:
    assert sorted(p.stem for p in MISTAKES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_mistake_is_one_line_naming_the_fix(name: str) -> None:
    path = MISTAKES / f"{name}.yaml"
    with pytest.raises(YamlProblem) as info:
        read_yaml(path)
    line = str(info.value.problem)
    assert line == f"{display_path(path)}:{EXPECTED[name]}"
    for parser_words in ("mapping values", "block end", "<scalar>", "token", "expected key", "indicator"):
        assert parser_words not in line


def test_anything_unrecognised_still_names_its_line_in_plain_words(tmp_path: Path) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text("key_messages:\n  - id: a\n    title: x\n  ? [a, b]\n  : c\n- d\n")
    with pytest.raises(YamlProblem) as info:
        read_yaml(path)
    line = str(info.value.problem)
    assert line == (f"{display_path(path)}:4:3: YAML syntax error: YAML cannot read this line: check its "
                    "indentation against the lines above, and put text containing ': ', ' #' or quotes in quotes")


def test_a_comma_inside_braces_is_explained(mini: Path, change: Callable[[str, str, str], None]) -> None:
    # Valid YAML, so the schema sees it: "{…, title: Fees, fines and bans, …}" makes "fines and bans" a key.
    change("content.yaml", "title: Licences cost money", "title: Licences, fees and fines")
    change("content.yaml", "  - id: licences-cost\n    title: Licences, fees and fines\n",
           "  - {id: licences-cost, title: Licences, fees and fines, text: x, sources: [hill-fees]}\n"
           "  - id: unused\n    title: x\n")
    found = problems(mini)
    assert any(line.endswith("unknown field 'fees and fines': inside {…} a ',' ends the text before it; put text "
                             "that contains commas in quotes") for line in found), found


def _apply(lines: list[str], number: int, column: int, message: str) -> list[str]:
    """Do what the message says, as an editor would, to line ``number``; fail on advice no editor could follow."""
    line = lines[number - 1]
    indent = line[:len(line) - len(line.lstrip(" "))]
    dash = "- " if line.lstrip().startswith("- ") else ""
    if found := re.search(r"put the text in quotes: (?P<key>[\w-]+): (?P<value>.+)$", message):
        line = f"{indent}{dash}{found['key']}: {found['value']}"
    elif found := re.search(r"indent '\w+' like the key above it \((?P<n>\d+) spaces\)", message):
        line = " " * int(found["n"]) + line.lstrip(" ")
    elif found := re.search(r"write '(?P<text>.+)'$", message):
        line = indent + found["text"]
    elif "replace the tab with spaces" in message:
        line = line.replace("\t", "    ")
    elif found := re.search(r"end the text with (?P<q>.) before '(?P<at>[^']+)'", message):
        at = line.index(found["at"], column)
        line = line[:at] + found["q"] + line[at:]
    elif found := re.search(r"end (?:the text|it) with '?(?P<mark>[^' ]+)'? on the same line", message):
        line = line + found["mark"]
    elif found := re.search(r"indented (?P<key>\d+) spaces like .* \(e.g. '(?P<name>\w+):'\), and indent the item "
                            r"(?P<item>\d+) spaces", message):
        item = " " * int(found["item"]) + line.lstrip(" ")
        return lines[:number - 1] + [" " * int(found["key"]) + found["name"] + ":", item] + lines[number:]
    elif "begin its first line with '- '" in message:
        line = indent[:-2] + "- " + line.lstrip()
    else:
        raise AssertionError(f"no fix to follow in: {message}")
    return lines[:number - 1] + [line] + lines[number:]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_following_the_advice_makes_the_file_readable(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text((MISTAKES / f"{name}.yaml").read_text())
    with pytest.raises(YamlProblem) as info:
        read_yaml(path)
    problem = info.value.problem
    lines = path.read_text().split("\n")
    path.write_text("\n".join(_apply(lines, problem.line, problem.column, problem.message)))
    read_yaml(path)  # no YamlProblem: the suggested fix was right
