"""The "my story" card: the user's prepared answers to what they will be asked back."""

from __future__ import annotations

STORY_PROMPTS: tuple[str, ...] = (
    "Why this school",
    "Why that first job",
    "Why I left",
    "My strengths",
    "What I'm looking for",
)

STORY_TEMPLATE = "\n\n".join(f"## {prompt}\n" for prompt in STORY_PROMPTS).rstrip() + "\n"
"""What an empty story card starts from: one Markdown heading per prompt."""


def story_or_template(body: str) -> str:
    """The saved story, or the template with its prompts when nothing is written yet."""
    return body if body.strip() else STORY_TEMPLATE
