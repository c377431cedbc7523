"""Stage 9, edit: change a pack's YAML from a form and keep everything else as it was.

``yaml_edit`` changes one field of one file through a round-trip YAML editor
(ruamel.yaml) that keeps comments, key order, quoting and line breaks, so a
save changes only the edited field's lines. ``saves`` checks the result with
the same rules as ``check`` before writing, refuses a save when the file
changed on disk after it was read, writes atomically and keeps each save in a
history under the project (``.briefpack/``) that ``undo`` takes back.
"""

__all__ = ["editing", "forms", "items", "saves", "submitted", "yaml_edit"]
