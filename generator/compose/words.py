"""The words templates print for a pack: its vocabulary resolved against the fixed wording of its language.

Templates see one ``words`` object per render. It answers in the pack's own
words where the pack declares them (parties, effects, statuses, section
titles, the closing line, its topic) and in the translated built-in wording
where it does not, so the same templates read right for any topic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.compose.environment import Styled
from generator.content.models import ActStatus, Criminalisation, Jurisdiction
from generator.content.schema import Pack
from generator.content.vocabulary import BUILT_IN_STATUSES

NUMBER_WORDS_UP_TO = 10  # style guides spell out small numbers and write larger ones in digits


@dataclass(frozen=True)
class PartyWords:
    """A party as printed: its full label and the short one for tables and slides."""

    id: str
    label: str
    short: str


@dataclass(frozen=True)
class StatusLook:
    """How a status prints: its word, the symbol beside it and its colour role."""

    word: str
    symbol: str
    colour: str


class Words:
    """The pack's words, with neutral translated defaults; what templates call ``words``."""

    def __init__(self, pack: Pack, labels: dict[str, str]):
        vocabulary = pack.vocabulary
        self.labels = labels
        self.date, self.status_max_age = pack.meta.date, pack.meta.status_max_age
        self.language = pack.meta.language
        self.topic = vocabulary.topic or ""
        self.spectrum = vocabulary.spectrum
        self._model_names = {m.id: m.short_name for m in pack.models}
        declared = {p.id: p for p in vocabulary.parties}
        self.parties = [self._party(pid, declared.get(pid)) for pid in vocabulary.party_ids()]
        effects = {e.id: e.label for e in vocabulary.effects}
        self.effects = [(eid, effects.get(eid) or labels.get(f"effect_{eid}", eid)) for eid in vocabulary.effect_ids()]
        self.statuses = {sid: self._status(sid, pack) for sid in vocabulary.status_ids()}
        self.fields = {f.id: f.label for f in vocabulary.fields}
        self._titles = vocabulary.titles
        self.closing_title = vocabulary.closing.title or labels.get("closing_title", "")
        self.closing_text = vocabulary.closing.text or labels.get("closing_text", "")

    def _party(self, pid: str, declared: Any) -> PartyWords:
        label = (declared.label if declared else None) or self.labels.get(f"party_{pid}", pid)
        short = (declared.short_label if declared else None) or label
        return PartyWords(pid, label, short)

    def _status(self, sid: str, pack: Pack) -> StatusLook:
        symbol, colour = BUILT_IN_STATUSES.get(sid, ("dash", "partly"))
        word = self.labels.get(f"status_{sid}", sid)
        for declared in pack.vocabulary.statuses:
            if declared.id == sid:
                word, symbol, colour = declared.word or word, declared.symbol or symbol, declared.colour or colour
        return StatusLook(word, symbol, colour)

    def title(self, key: str) -> str:
        """Return the title of section ``key``: the pack's own, else the built-in one in its language."""
        return getattr(self._titles, key, None) or self.labels.get(f"title_{key}", key)

    def number(self, n: int) -> str:
        """Return ``n`` as a word in the pack's language when it is small, else as digits."""
        if 0 <= n <= NUMBER_WORDS_UP_TO:
            try:
                from num2words import num2words

                return str(num2words(n, lang=self.language.replace("-", "_")))
            except NotImplementedError:
                try:
                    return str(num2words(n, lang=self.language.split("-")[0]))
                except NotImplementedError:
                    pass
        return str(n)

    def count(self, key: str, n: int) -> str:
        """Return the counted phrase ``key`` for ``n`` things ("Two definitions …"), capitalised."""
        form = "one" if n == 1 else "other"
        topic = "_topic" if self.topic and f"count_{key}_topic_{form}" in self.labels else ""
        pattern = self.labels.get(f"count_{key}{topic}_{form}", "{num}")
        number = self.number(n)
        before = pattern.split("{num}", 1)[0].rstrip()
        if not before or before[-1] in ".!?:":  # the number starts a sentence
            number = number[:1].upper() + number[1:]
        text = pattern.format(num=number, topic=self.topic)
        return text[:1].upper() + text[1:]

    def phrase(self, key: str, **values: str) -> str:
        """Return the fixed phrase ``key`` in the pack's language, with ``values`` filled in."""
        return self.labels.get(key, key).format(**values)

    def party_list(self) -> str:
        """Return the parties' labels as a list in words ("A, B and C")."""
        labels = [p.label[:1].lower() + p.label[1:] for p in self.parties]
        if len(labels) < 2:
            return "".join(labels)
        return self.phrase("list_and", first=", ".join(labels[:-1]), last=labels[-1])

    def party(self, pid: str) -> PartyWords:
        """Return the words for party ``pid``."""
        return next(p for p in self.parties if p.id == pid)

    def status(self, entry: Criminalisation | ActStatus) -> Styled:
        """Return a party's (or one of its acts') status as the word in its colour (templates print it as is)."""
        look = self.statuses[entry.status]
        return Styled(look.word, look.colour)

    def has_dates(self, models: list[Any]) -> bool:
        """Return whether any place of ``models`` has a year or dated events (so a timeline can be drawn)."""
        return any(place.events or place.year for model in models for place in model.jurisdictions)

    def when(self, place: Jurisdiction) -> str:
        """Return when a place's law took effect and how current that is.

        Its events ("in force 2003; repealed 2024") or its year; then "until
        2024" for a status that no longer holds, or "last confirmed 2004" for
        one confirmed longer ago than the pack allows.
        """
        if place.events:
            parts = [f"{e.label or self.labels.get(f'event_{e.kind}', e.kind)} {e.year}" for e in place.events]
        else:
            parts = [str(place.year)] if place.year else []
        if place.until:
            parts.append(self.labels.get("status_until", "until {year}").format(year=place.until))
        elif place.as_of and self.date.year - place.as_of > self.status_max_age:
            parts.append(self.labels.get("status_as_of", "last confirmed {year}").format(year=place.as_of))
        if place.also:  # a place that mixes models says which others
            names = [self._model_names.get(other, other) for other in place.also]
            listed = names[0] if len(names) == 1 else self.phrase("list_and", first=", ".join(names[:-1]),
                                                                   last=names[-1])
            parts.append(self.labels.get("also_under", "also under {models}").format(models=listed))
        return "; ".join(parts)
