"""Write the default pack's composed documents as outlines: ``python tools/outline.py [PACK]``.

One line per block (docs/outline/<pack>-<variant>-<format>.txt), so a content or
template change can be reviewed as a diff of what each output says. Not a test:
the default pack changes whenever an editor improves it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from generator.compose.outline import outline
    from generator.editions.session import load_session
    from generator.outputs import OUTPUTS
    from generator.templates import Templates

    TEMPLATES = Templates.with_builtins(ROOT / "templates")  # noqa: N806

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "briefs" / "sex-work-law"
    session = load_session(folder, TEMPLATES)
    target = ROOT / "docs" / "outline"
    target.mkdir(parents=True, exist_ok=True)
    for edition in session.editions:
        for output in OUTPUTS.values():
            composed = output.compose(edition, TEMPLATES, output.template(edition))
            name = f"{session.pack_id}-{edition.variant or 'all'}-{output.name}.txt"
            (target / name).write_text(outline(composed.document), encoding="utf-8")
            print(f"wrote docs/outline/{name}")


if __name__ == "__main__":
    main()
