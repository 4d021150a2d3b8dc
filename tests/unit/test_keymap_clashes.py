"""keymap.toml: a rebinding that would give a key two commands in one place is dropped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from coffeechat import paths
from coffeechat.tui.commands import BY_ACTION
from coffeechat.tui.key_clashes import find_clashes, key_names
from coffeechat.tui.keymap import Keymap, effective_keys, load_keymap


def load(tmp_path: Path, lines: str) -> Keymap:
    path = tmp_path / "keymap.toml"
    path.write_text(f"[keys]\n{lines}\n", encoding="utf-8")
    return load_keymap(path)


def test_the_shipped_keys_clash_with_nothing() -> None:
    defaults = {action: command.key for action, command in BY_ACTION.items()}
    assert find_clashes(defaults, BY_ACTION) == []


def test_key_names_follow_textual() -> None:
    assert key_names("?, question_mark") == ["question_mark"]
    assert key_names("/") == ["slash"]
    assert key_names("N,n") == ["N", "n"]
    assert key_names(" , ") == []


def test_a_key_taken_in_the_same_screen_is_dropped_and_the_default_kept(
    tmp_path: Path,
) -> None:
    keymap = load(tmp_path, 'agenda = "n"')
    assert keymap.keys == {}
    assert keymap.problems == [
        'keymap.toml: agenda = "n" clashes with new_contact on n in contacts; agenda keeps a'
    ]
    keys = effective_keys(keymap)
    assert (keys["agenda"], keys["new_contact"]) == ("a", "n")


def test_other_spellings_of_a_taken_key_are_caught(tmp_path: Path) -> None:
    keymap = load(tmp_path, 'new_contact = "?"\nagenda = "ctrl+k,slash"')
    assert keymap.keys == {}
    help_clash, filter_clash = keymap.problems
    assert "new_contact" in help_clash and "help" in help_clash
    assert "question_mark in contacts (help works everywhere)" in help_clash
    assert "agenda" in filter_clash and "focus_filter on slash" in filter_clash


def test_an_app_key_clashes_on_every_screen(tmp_path: Path) -> None:
    keymap = load(tmp_path, 'toggle_timer = "f1"')
    assert keymap.keys == {}
    assert "toggle_timer" in keymap.problems[0]
    assert "help on f1 in call" in keymap.problems[0]


def test_keys_of_other_screens_and_the_other_case_are_free(tmp_path: Path) -> None:
    # ctrl+t ticks a question in a call and N is shift+n: neither is taken on the
    # contacts screen.
    keymap = load(tmp_path, 'agenda = "ctrl+t"\nstart_call = "N"')
    assert keymap.problems == []
    assert keymap.keys == {"agenda": "ctrl+t", "start_call": "N"}


def test_a_key_freed_by_another_override_can_be_taken(tmp_path: Path) -> None:
    keymap = load(tmp_path, 'agenda = "n"\nnew_contact = "N"\ndraft_email = "a"\n')
    assert keymap.problems == []
    assert keymap.keys == {"agenda": "n", "new_contact": "N", "draft_email": "a"}


def test_two_overrides_on_one_key_keep_the_first_written(tmp_path: Path) -> None:
    keymap = load(tmp_path, 'agenda = "w"\ndraft_email = "w"')
    assert keymap.keys == {"agenda": "w"}
    assert keymap.problems == [
        'keymap.toml: draft_email = "w" clashes with agenda on w in contacts; draft_email keeps d'
    ]


def test_a_dropped_override_whose_default_is_taken_drops_the_taker(tmp_path: Path) -> None:
    # agenda goes back to a, which draft_email asked for: draft_email goes back to d.
    keymap = load(tmp_path, 'agenda = "n"\ndraft_email = "a"')
    assert keymap.keys == {}
    assert len(keymap.problems) == 2
    assert "draft_email keeps d" in keymap.problems[1]
    assert not find_clashes(effective_keys(keymap), BY_ACTION)


def test_a_palette_only_command_stays_in_the_palette(tmp_path: Path) -> None:
    keymap = load(tmp_path, 'my_story = "c"')
    assert keymap.keys == {}
    assert keymap.problems[0].endswith("my_story stays in the palette only")


def test_keys_flag_prints_the_clash_and_the_keys_kept() -> None:
    paths.ensure_private_dir(paths.config_dir().parent)
    paths.ensure_private_dir(paths.config_dir())
    (paths.config_dir() / "keymap.toml").write_text('[keys]\nagenda = "n"\n')
    result = subprocess.run(
        [sys.executable, "-m", "coffeechat", "--keys"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "agenda" in result.stderr and "new_contact on n in contacts" in result.stderr
    rows = {row.split()[0]: row.split()[1] for row in result.stdout.splitlines()[1:] if row}
    assert (rows["agenda"], rows["new_contact"]) == ("a", "n")
