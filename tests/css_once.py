"""Each stylesheet text parsed once per test process, not once per app.

Textual keeps what it parsed of a stylesheet in the app's own ``Stylesheet``, so every
app a test starts parsed the same CSS again: about a fifth of a Pilot test's app
start (40-50 ms of CPU), and the suite starts hundreds of apps. Here the parsed rules
are kept for the process, keyed as Textual keys them plus the theme's variables they
were parsed with (a theme switch parses again). Textual reuses those rule lists within
an app the same way (``Stylesheet._parse_cache``); they are not changed once parsed.
Parsing itself is still tested: the first app of each process parses every text, and
a CSS error still raises where it did (a failed parse is not kept).
"""

from __future__ import annotations

from typing import Any

from textual.css.stylesheet import Stylesheet

_parsed: dict[tuple[Any, ...], Any] = {}


def install() -> None:
    parse_rules = Stylesheet._parse_rules
    if getattr(parse_rules, "shared", False):
        return

    def parse_rules_once(
        self: Stylesheet,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> Any:
        key = (css, read_from, is_default_rules, tie_breaker, scope, *self._variables.items())
        rules = _parsed.get(key)
        if rules is None:
            rules = _parsed[key] = parse_rules(
                self, css, read_from, is_default_rules, tie_breaker, scope
            )
        return rules

    parse_rules_once.shared = True  # type: ignore[attr-defined]
    Stylesheet._parse_rules = parse_rules_once  # type: ignore[method-assign]
