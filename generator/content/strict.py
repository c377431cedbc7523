"""The base of every content block: unknown keys are errors, objects are immutable."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Base of every block: unknown keys are errors (with a did-you-mean), objects are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)
