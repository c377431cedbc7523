"""Explain a YAML syntax error in an editor's words: where the mistake is, what it is, how to fix it.

The parser reports where it got stuck ("mapping values are not allowed in
this context", "did not find expected key"), which is often a line after the
mistake and never says what to do. Each common mistake of someone new to YAML
(a colon or a leading quote in text, a tab, a key indented too far or not far
enough, a missing colon, an unclosed quote or bracket, text starting with a
character YAML reserves, a list item under text) has a recogniser here that
looks at the lines themselves and returns the line of the mistake and its fix.
Parser wording never reaches the editor: anything unrecognised gets a plain
fallback that still names the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# "  - key: value" or "  key: value": the key, and where its value starts.
_KEY = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[^\s:#'\"\[\]{},][^:#]*?) *:(?: +(?P<value>.*?))? *$")
_RESERVED = {"@": "@", "`": "`", "%": "%", "*": "*", "&": "&", "|": "|", ">": ">", "!": "!", "?": "? ",
             "-": "- ", "{": "{", "[": "["}


@dataclass(frozen=True)
class Mark:
    """A 1-based (line, column) in the file."""

    line: int
    column: int


@dataclass(frozen=True)
class Explained:
    """Where the mistake is and what to do about it."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class ParserError:
    """What the parser said, and where: its ``problem`` and ``context`` with their marks."""

    problem: str
    context: str
    problem_mark: Mark | None
    context_mark: Mark | None


class _Lines:
    """The file's lines, 1-based, with the questions the recognisers ask of them."""

    def __init__(self, text: str):
        self.lines = text.splitlines()

    def __getitem__(self, number: int) -> str:
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else ""

    @staticmethod
    def indent(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    @staticmethod
    def key(line: str) -> re.Match[str] | None:
        return _KEY.match(line)

    def previous(self, number: int) -> int:
        """Return the number of the nearest line above ``number`` with content (not blank, not a comment)."""
        number -= 1
        while number >= 1 and (not self[number].strip() or self[number].lstrip().startswith("#")):
            number -= 1
        return number

    def key_column(self, number: int) -> int:
        """Return the 1-based column where the key of line ``number`` starts (after any '- ')."""
        match = self.key(self[number])
        if not match:
            return self.indent(self[number]) + 1
        return len(match.group("indent")) + len(match.group("dash") or "") + 1


def _quoted(value: str) -> str:
    """Return ``value`` in the quotes that need no escaping inside it."""
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', '\\"') + '"'


def _put_in_quotes(lines: _Lines, number: int, why: str) -> Explained | None:
    """Return "why: put the text in quotes: key: "text"" for the key on line ``number``."""
    match = lines.key(lines[number])
    if not match or not match.group("value"):
        return None
    key, value = match.group("key"), match.group("value")
    column = lines[number].index(value) + 1
    return Explained(number, column, f"{why}: put the text in quotes: {key}: {_quoted(value)}")


def _tab(lines: _Lines, error: ParserError) -> Explained | None:
    """A tab in a line's indentation (YAML indents with spaces only)."""
    last = error.problem_mark.line if error.problem_mark else len(lines.lines)
    said = "tab" in error.problem + error.context
    for number in range(1, max(last, 1) + 1) if said else range(max(last - 1, 1), last + 1):
        lead = lines[number][: len(lines[number]) - len(lines[number].lstrip(" \t"))]
        if "\t" in lead:
            return Explained(number, lead.index("\t") + 1,
                             "a tab indents this line, and YAML indents with spaces only: replace the tab with spaces")
    return None


def _mapping_value(lines: _Lines, error: ParserError) -> Explained | None:
    """'mapping values are not allowed': a colon in text, or a key indented under a text value."""
    if "mapping values are not allowed" not in error.problem or not error.problem_mark:
        return None
    number = error.problem_mark.line
    line, above = lines[number], lines.previous(number)
    match, above_match = lines.key(line), lines.key(lines[above])
    if (match and above_match and above_match.group("value") and not match.group("dash")
            and lines.indent(line) > lines.key_column(above) - 1):
        key, above_key = match.group("key"), above_match.group("key")
        return Explained(number, lines.indent(line) + 1,
                         f"'{key}' is indented more than '{above_key}' above it, so YAML reads it as part of "
                         f"the text of '{above_key}': indent '{key}' like the key above it "
                         f"({lines.key_column(above) - 1} spaces)")
    if match and ": " in (match.group("value") or "") + " ":
        return _put_in_quotes(lines, number, f"the text of '{match.group('key')}' contains ': ', which YAML "
                                              "reads as the start of another key")
    if above_match is None and lines[above].strip():  # the line above has no colon: "title The title"
        return _missing_colon(lines, above)
    return None


def _missing_colon(lines: _Lines, number: int) -> Explained:
    line = lines[number]
    words = line.strip().lstrip("- ").split(maxsplit=1)
    word = words[0] if words else ""
    rest = f" {words[1]}" if len(words) > 1 else " …"
    column = line.index(word) + len(word) + 1 if word else 1
    return Explained(number, column, f"'{word}' has no ':' after it: write '{word}:{rest}'")


def _expected_colon(lines: _Lines, error: ParserError) -> Explained | None:
    """'could not find expected ':'': a key written without its colon (reported a line late)."""
    if "expected ':'" not in error.problem or not error.context_mark:
        return None
    return _missing_colon(lines, error.context_mark.line)


def _indented_less(lines: _Lines, error: ParserError) -> Explained | None:
    """A key indented less than the keys it belongs with ('expected '-' indicator', 'expected key')."""
    if not error.problem_mark or not ("'-' indicator" in error.problem or "expected key" in error.problem):
        return None
    number = error.problem_mark.line
    line, above = lines[number], lines.previous(number)
    match = lines.key(line)
    if not match or match.group("dash") or error.problem_mark.column != lines.indent(line) + 1:
        return None
    # The key it should line up with: the nearest key above at a deeper indent than this line.
    probe = above
    while probe >= 1:
        other = lines.key(lines[probe])
        if other and lines.key_column(probe) - 1 > lines.indent(line):
            key, target = other.group("key"), lines.key_column(probe) - 1
            return Explained(number, lines.indent(line) + 1,
                             f"'{match.group('key')}' is indented less than '{key}' above it: indent "
                             f"'{match.group('key')}' like the key above it ({target} spaces)")
        if other and lines.key_column(probe) - 1 <= lines.indent(line):
            break
        probe = lines.previous(probe)
    return None


def _text_after_quote(lines: _Lines, error: ParserError) -> Explained | None:
    """Text that starts with a quote (or a bracket) and goes on after it closes."""
    if not error.problem_mark or "expected key" not in error.problem:
        return None
    number = error.problem_mark.line
    match = lines.key(lines[number])
    value = (match.group("value") or "") if match else ""
    starts = {'"': "a quote", "'": "a quote", "[": "'['", "{": "'{'"}
    if not value or value[0] not in starts or error.problem_mark.column <= lines[number].index(value) + 1:
        return None
    kind = starts[value[0]]
    reads = "a quotation that ends early" if kind == "a quote" else "a list" if value[0] == "[" else "a mapping"
    return _put_in_quotes(lines, number, f"text that starts with {kind} is read as {reads}, and the rest of "
                                         "the line is left over")


def _list_item_under_text(lines: _Lines, error: ParserError) -> Explained | None:
    """A '- item' line where a key was expected (under a key that holds text)."""
    if not error.problem_mark or "expected key" not in error.problem:
        return None
    number = error.problem_mark.line
    if not lines[number].lstrip().startswith("- "):
        return None
    above = lines.previous(number)
    match = lines.key(lines[above])
    owner = f"'{match.group('key')}'" if match else "the line above"
    key_indent = lines.key_column(above) - 1
    return Explained(number, lines.indent(lines[number]) + 1,
                     f"a list item ('- …') cannot follow {owner}, which holds text: put a line with the list's own "
                     f"key above it, indented {key_indent} spaces like {owner} (e.g. 'sources:'), and indent the "
                     f"item {key_indent + 2} spaces below it")


def _unclosed(lines: _Lines, error: ParserError) -> Explained | None:
    """A quote, '[' or '{' opened and never closed on its line."""
    if not error.context_mark:
        return None
    mark = error.context_mark
    opened = lines[mark.line][mark.column - 1: mark.column]
    if "quoted scalar" in error.context and "end of stream" in error.problem:
        return Explained(mark.line, mark.column, f"the quote opened here is never closed: end the text with "
                                                 f"{opened} on the same line")
    if "flow sequence" in error.context or "flow mapping" in error.context:
        close = "]" if "sequence" in error.context else "}"
        if close in lines[mark.line][mark.column:]:
            return Explained(error.problem_mark.line if error.problem_mark else mark.line,
                             error.problem_mark.column if error.problem_mark else mark.column,
                             f"items between '{opened}' and '{close}' are separated by commas: write "
                             f"'{opened}a, b{close}'")
        return Explained(mark.line, mark.column, f"the '{opened}' opened here is never closed: end it with "
                                                 f"'{close}' on the same line")
    return None


def _quote_open_in_flow(lines: _Lines, error: ParserError) -> Explained | None:
    """A quote opened inside {…} or […] that is not closed where its text ends.

    ``{id: x, title: "Licence fees, year: 2025, url: "https://…"}``: the
    parser reads the title on to the next quote and then stumbles on what
    follows it, or runs on over later lines to a quote there; either way it
    complains about commas or colons somewhere else. The quote that opened
    the text is the mistake: found on the error's line or the nearest line
    above it whose quoted value does not close before a ',', '}' or ']'.
    """
    mark = error.problem_mark or error.context_mark
    if not mark:
        return None
    for number in range(mark.line, 0, -1):
        column = _broken_flow_quote(lines[number])
        if column:
            quote = lines[number][column - 1]
            following = _NEXT_KEY.search(lines[number], column)
            where = f"before '{following.group(0)}'" if following else "where it ends"
            return Explained(number, column, f"the quote opened here does not close where the text ends: inside "
                                             f"{{…}} or […] end the text with {quote} {where}")
    return None


_NEXT_KEY = re.compile(r", *[A-Za-z_][\w-]*:")  # the next "key:" of a flow mapping: where a text should end
_FLOW_VALUE_START = re.compile(r"(?:[{\[,]|: ) *$")  # what a quoted value in a flow collection comes after


def _broken_flow_quote(line: str) -> int:
    """Return the 1-based column of a quote in a flow collection on ``line`` that does not close properly, or 0."""
    if "{" not in line and "[" not in line:
        return 0
    index = 0
    while index < len(line):
        char = line[index]
        if char in "'\"" and _FLOW_VALUE_START.search(line[:index]) and ("{" in line[:index] or "[" in line[:index]):
            end = _closing_quote(line, index)
            if end < 0:
                return index + 1  # never closed on its line
            after = line[end + 1:].lstrip()
            if after and after[0] not in ",}]:#":
                return index + 1  # closed by a quote inside the text, with text left over
            index = end + 1
            continue
        index += 1
    return 0


def _closing_quote(line: str, start: int) -> int:
    """Return the index of the quote that closes the one at ``start`` ('' and \\" are escapes), or -1."""
    quote, index = line[start], start + 1
    while index < len(line):
        if quote == '"' and line[index] == "\\":
            index += 2
            continue
        if line[index] == quote:
            if quote == "'" and line[index + 1:index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return -1


def _quote_left_open(lines: _Lines, error: ParserError) -> Explained | None:
    """A quote opened on an earlier line and never closed there, so YAML read on until a later quote."""
    if not error.problem_mark:
        return None
    for number in range(1, error.problem_mark.line):
        match = lines.key(lines[number])
        value = (match.group("value") or "") if match else ""
        if value[:1] in ("'", '"'):
            quote = value[0]
            inner = value[1:].replace("\\" + quote, "") if quote == '"' else value[1:].replace("''", "")
            if quote not in inner:
                return Explained(number, lines[number].index(value) + 1,
                                 f"the quote opened here is never closed: end the text with {quote} on the same line")
    return None


def _reserved_start(lines: _Lines, error: ParserError) -> Explained | None:
    """Text starting with a character YAML reserves: @ ` % * & | > ! ? '- '."""
    signals = ("cannot start any token", "alias", "anchor", "block scalar", "block sequence entries",
               "mapping keys are not allowed")
    if not error.problem_mark or not any(s in error.problem + " " + error.context for s in signals):
        return None
    number = error.problem_mark.line
    match = lines.key(lines[number])
    value = (match.group("value") or "") if match else ""
    if not value or value[0] not in _RESERVED:
        return None
    return _put_in_quotes(lines, number, f"text cannot start with '{_RESERVED[value[0]].strip()}', which YAML "
                                         "reserves")


RECOGNISERS: tuple[Callable[[_Lines, ParserError], Explained | None], ...] = (
    _tab, _quote_open_in_flow, _unclosed, _reserved_start, _expected_colon, _mapping_value, _text_after_quote,
    _list_item_under_text, _indented_less, _quote_left_open,
)


def explain_yaml_error(text: str, error: ParserError) -> Explained:
    """Return the mistake behind a YAML parser error: its line and column, what is wrong and the fix."""
    lines = _Lines(text)
    for recognise in RECOGNISERS:
        found = recognise(lines, error)
        if found:
            return found
    mark = error.problem_mark or error.context_mark or Mark(0, 0)
    return Explained(mark.line, mark.column, "YAML cannot read this line: check its indentation against the "
                                             "lines above, and put text containing ': ', ' #' or quotes in quotes")


def explain_tag(value: str, key: str = "") -> str:
    """Return the message for text a YAML tag ('!') would turn into something else."""
    written = f"{key}: {_quoted(value)}" if key else _quoted(value)
    return f"text cannot start with '!', which YAML reserves: put the text in quotes: {written}"
